<?xml version="1.0" encoding="UTF-8"?>
<!-- How a browser shows the journal's RSS and Atom feeds: as a page that says how to subscribe.
     Feed readers never use this file: they read the feed itself. Every value comes from the feed
     through xsl:value-of, which escapes it. Its sentences are written in the site's language when
     the feeds are (the words of `feed_page_words` in pages/words/sharing.py replace them). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="address"
      select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="language" select="/rss/channel/language | /atom:feed/@xml:lang"/>

  <xsl:template match="/">
    <html>
      <xsl:if test="$language">
        <xsl:attribute name="lang"><xsl:value-of select="$language"/></xsl:attribute>
      </xsl:if>
      <!--gj:direction-->
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          :root { color-scheme: light dark; }
          body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 42rem; padding: 1rem; }
          .subscribe { border: 2px solid #00897b; border-radius: 0.5rem; padding: 0.5rem 1rem; }
          code { overflow-wrap: anywhere; }
          li { margin-bottom: 0.5rem; }
          time { display: block; font-size: 0.875rem; opacity: 0.8; }
        </style>
      </head>
      <body>
        <main>
          <section class="subscribe">
            <p><strong>This is a feed.</strong> It shows the newest posts of this site in a feed reader.</p>
            <p>To subscribe, copy this address into your feed reader:
              <code><xsl:value-of select="$address"/></code></p>
            <p>No feed reader yet? Many are free, as apps and on the web: search for "feed reader".</p>
          </section>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <p><a href="{$home}">Go to the site</a></p>
          <h2>Newest posts</h2>
          <ul>
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <time><xsl:value-of select="substring(pubDate, 1, 16)"/></time>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
    </li>
  </xsl:template>
</xsl:stylesheet>
