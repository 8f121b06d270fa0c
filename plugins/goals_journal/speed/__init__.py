"""What makes builds fast, used by the hosts only: caches kept between builds and a second core."""
