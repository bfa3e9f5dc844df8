"""One definition of a quote everywhere: a record of kind quote, a quoted span or a transcript turn."""
import re

import pytest



@pytest.mark.parametrize("title", ["Interview with a former detainee", "Aid group warns of famine"])
def test_document_page_api_and_kind_facet_count_quotes_alike(client, title):
    hits = client.get("/api/search", query_string={"q": f'title:"{title}"', "page_size": 100}).get_json()
    doc_id = hits["results"][0]["doc"]
    in_facet = dict((f["value"], f["count"]) for f in client.get(
        "/api/search", query_string={"q": "", "doc": doc_id}).get_json()["facets"]["kind"]).get("quote", 0)
    document = client.get(f"/api/documents/{doc_id}").get_json()
    in_records = sum(r["kind"] == "quote" for r in document["records"])
    page = client.get(f"/d/{doc_id}").get_data(as_text=True)
    shown = int(re.search(r"<dt>Quotes</dt><dd>(\d+) in", page).group(1))
    assert in_facet == in_records == document["quotes"] == shown > 0
