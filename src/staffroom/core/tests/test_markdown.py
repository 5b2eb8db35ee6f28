from staffroom.core.markdown import render_markdown


def test_render_markdown_formats_common_markdown():
    html = render_markdown("Hello **there**\n\n- one\n- two")
    assert "<strong>there</strong>" in html
    assert "<li>one</li>" in html


def test_render_markdown_shows_raw_html_as_text():
    html = render_markdown('<script>alert("x")</script><b onclick="x()">hi</b>')
    assert "<script" not in html
    assert "<b " not in html
    assert "&lt;script&gt;" in html


def test_render_markdown_drops_dangerous_links():
    html = render_markdown("[click](javascript:alert(1)) [ok](https://example.org)")
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html
    assert 'rel="nofollow noopener ugc"' in html


def test_markdown_text_keeps_the_words_and_drops_the_markup():
    from staffroom.core.markdown import markdown_text

    text = "### Member's situation\n\n**Ideas** from the [group](https://example.org) & <b>you</b>"
    # Raw HTML is text in our Markdown (never markup): it stays, as words.
    assert markdown_text(text) == "Member's situation Ideas from the group & <b>you</b>"
