import Mail
import Testing

@Suite("HTML to text")
struct HTMLTextTests {
    @Test func blocksBreaksAndEntities() {
        #expect(HTMLText.plainText("<p>a</p><p>b</p>") == "a\n\nb\n")
        #expect(HTMLText.plainText("<div>a</div><div>b</div>") == "a\nb\n")
        #expect(HTMLText.plainText("a<br>b<BR/>c<br />d") == "a\nb\nc\nd\n")
        #expect(HTMLText.plainText("a<br><br><br><br>b") == "a\n\nb\n")
        #expect(HTMLText.plainText("&lt;b&gt; &amp;amp; &quot;q&quot; &#39;s&#x27; &apos;") == "<b> &amp; \"q\" 's' '\n")
        #expect(HTMLText.plainText("1&nbsp;&nbsp;2") == "1  2\n")
        #expect(HTMLText.plainText("&#8364;&#x20AC;&euro; &#146; &#0; &#x110000;") == "€€€ ’ \u{FFFD} \u{FFFD}\n")
        #expect(HTMLText.plainText("&unknown; &amp;&amp &lt x &nbsp y") == "&unknown; && < x   y\n")
    }

    @Test func dropsInvisibleContent() {
        let html = """
        <html><head><title>T</title><style>p{}</style><SCRIPT type="x">if (a<b) {}</SCRIPT></head>
        <body><!-- hidden --><p>shown</p><template><p>no</p></template></body></html>
        """
        #expect(HTMLText.plainText(html) == "shown\n")
        #expect(HTMLText.plainText("a<!-- never closed") == "a\n")
        #expect(HTMLText.plainText("<style>unclosed") == "")
    }

    @Test func whitespaceIsTidied() {
        #expect(HTMLText.plainText("  a \n\t b  ") == "a b\n")
        #expect(HTMLText.plainText("<p>  a  </p>\n\n\n<p>b</p>") == "a\n\nb\n")
        #expect(HTMLText.plainText("<pre>x  y\n  z</pre>after") == "x  y\n  z\n\nafter\n")
        #expect(HTMLText.plainText("") == "")
    }

    @Test func listsTablesQuotes() {
        #expect(HTMLText.plainText("<ul><li>one</li><li>two</li></ul>") == "- one\n- two\n")
        #expect(HTMLText.plainText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc\n")
        #expect(HTMLText.plainText("mine<blockquote>theirs<br>more<blockquote>older</blockquote></blockquote>end")
            == "mine\n\n> theirs\n> more\n\n> > older\n\nend\n")
    }

    @Test func literalAngleBrackets() {
        #expect(HTMLText.plainText("a < b and c > d, 3<4") == "a < b and c > d, 3<4\n")
        #expect(HTMLText.plainText("<a href=\"x>y\">link</a>") == "link\n")
        #expect(HTMLText.plainText("<") == "<\n")
    }
}
