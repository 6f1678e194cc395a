"""The demo's sample web: every page loads, slugs are unique, every page sits in a feed."""

from localdev.sampleweb import demo_pages, load_pages


def test_demo_pages_extend_the_sample_articles_with_unique_slugs():
    pages = demo_pages()
    assert len(pages) > len(load_pages()) >= 4
    assert len({p.slug for p in pages}) == len(pages)
    assert all(p.feed and p.title and len(p.text) > 500 for p in pages)
