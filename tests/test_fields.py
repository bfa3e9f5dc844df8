"""The field registry (indexer/engine/fields.py): what derives from it follows it."""
import dataclasses
import json

import pytest

from indexer.engine import FACET_LIST, FIELDS, Filters, Hit, SearchEngine, SearchRequest
from indexer.engine import fields as registry

RECORD = {"id": "a-1", "doc": "a", "kind": "quote", "text": "We will rebuild the harbour.", "speaker": "Ana Ruiz",
          "speaker_kind": "person", "speaker_role": "mayor", "source": "Harbour Gazette", "date": "2020-05-01",
          "title": "Storm floods the harbour", "place": "Porto Novo", "start": 100, "end": 128, "paragraph": 3,
          "passage": "a-p3", "cue": "said"}
# A field added to the registry later gets a made-up value, so this record has every field.
RECORD.update({field.name: f"{field.name} of a-1" for field in FIELDS
               if field.name not in RECORD and field.value is None and field.hit_type != int})
OTHER = {"id": "b-1", "doc": "b", "kind": "narrative", "text": "A quiet year at the harbour.", "start": 0, "end": 28,
         "date": "2019-01-01", "title": "Calm seas", "source": "Coast Weekly"}


@pytest.fixture()
def engine(tmp_path):
    engine = SearchEngine(tmp_path / "ix")
    with engine.writer() as w:
        w.add(RECORD)
        w.add(OTHER)
    yield engine
    engine.close()


def test_every_registered_field_a_hit_carries_comes_back_as_written(engine):
    hit = engine.records(citation_id="a-1").hits[0]
    for field in registry.HIT_FIELDS:
        assert getattr(hit, field.name) == RECORD[field.name], field.name
    assert {f.name for f in dataclasses.fields(Hit)} == {f.name for f in registry.HIT_FIELDS} | {"snippet", "matched"}


def test_fields_kept_but_not_on_a_hit_are_not_hit_attributes():
    hidden = {f.name for f in FIELDS if not (f.stored and f.on_hit)}
    assert {"cue", "year", "date_asc"} <= hidden
    assert not hidden & {f.name for f in dataclasses.fields(Hit)}


def test_a_record_without_an_optional_field_gets_its_empty_value(engine):
    hit = engine.records(citation_id="b-1").hits[0]
    assert (hit.speaker, hit.place, hit.paragraph) == (None, None, 0)


def test_filters_have_one_choice_per_facet_and_list_them_in_registry_order():
    chosen = Filters(**{facet.name: (f"v-{facet.name}",) for facet in FACET_LIST})
    assert chosen.active() == [(facet.name, f"v-{facet.name}") for facet in FACET_LIST]
    with pytest.raises(TypeError):
        Filters(colour=("red",))


# (query, a query that must find the same records): every alias and the lower-cased exact values.
@pytest.mark.parametrize("text, same_as", [
    ("who:ruiz", "speaker:ruiz"), ("by:ruiz", "speaker:ruiz"), ("type:quote", "kind:quote"),
    ("type:Quote", "kind:quote"), ("kind:NARRATIVE", "kind:narrative"), ("headline:calm", "title:calm"),
    ("place:novo", 'place:"porto novo"'), ("source:gazette", "harbour ruiz"),
])
def test_field_names_and_aliases_users_type(engine, text, same_as):
    found = engine.search(SearchRequest(text, sort="oldest"))
    assert found.total > 0 and found.note is None
    assert [h.id for h in found.hits] == [h.id for h in engine.search(SearchRequest(same_as, sort="oldest")).hits]


@pytest.mark.parametrize("text", ["who:", "type:", "headline:", "place:", "year:", "doc:"])
def test_a_typed_field_name_without_a_value_is_named(engine, text):
    assert f"“{text}” has no value" in engine.search(SearchRequest(text)).note


@pytest.mark.parametrize("text", ["cue:said", "colour:red"])
def test_a_name_that_is_no_typed_field_is_not_a_field_search(engine, text):
    assert engine.search(SearchRequest(text)).total == 0  # Whoosh reads it as words of the text


def test_only_the_text_and_speaker_are_searched_without_a_field_name(engine):
    assert engine.search(SearchRequest("ruiz")).total == 1  # the speaker
    assert engine.search(SearchRequest("gazette")).total == 0  # the source, only when named
    assert engine.search(SearchRequest("calm")).total == 0  # the title, which only lifts


def test_flask_search_has_an_option_per_facet(runner):
    usage = runner.invoke(args=["search", "--help"]).output
    for facet in FACET_LIST:
        assert f"--{facet.name} VALUE" in usage


def test_flask_search_json_gives_each_result_the_api_fields_with_the_same_values(runner, client):
    output = runner.invoke(args=["search", "korea", "--limit", "5", "--json"]).output.splitlines()
    printed = [json.loads(line) for line in output[1:]]
    api = {r["id"]: r for r in client.get("/api/search?q=korea&size=10").get_json()["results"]}
    assert len(printed) == 5
    for result in printed:
        assert list(result) == list(registry.API_FIELDS)
        assert result == {name: api[result["id"]][name] for name in registry.API_FIELDS}
    assert {"author", "place", "title"} <= set(registry.API_FIELDS)


def test_the_search_page_labels_every_facet_with_values(client):
    page = client.get("/?q=korea").get_data(as_text=True)
    counted = client.get("/api/search?q=korea").get_json()["facets"]
    assert set(counted) == {facet.name for facet in FACET_LIST}
    shown = [facet for facet in FACET_LIST if counted[facet.name]]
    assert len(shown) >= 4
    for facet in shown:
        assert f"<h2>{facet.label}</h2>" in page


def test_the_help_page_lists_every_field_a_search_can_name(client):
    page = client.get("/help").get_data(as_text=True)
    for name in registry.TYPED_NAMES:
        assert f"<code>{name}:</code>" in page
    for name in ("cue", "date_asc", "speaker_kind", "start"):  # kept, but not searched by name
        assert f"<code>{name}:</code>" not in page


def test_every_field_a_page_names_has_a_label():
    """Facet headings, filter chips and "matched the ..." notes print these labels: none may be blank."""
    named = {facet.name for facet in FACET_LIST} | set(registry.MATCH_NOTE_FIELDS)
    assert [name for name in named if not registry.BY_FIELD_NAME[name].label] == []
