"""A deterministic benchmark corpus: real paragraphs re-mixed into many documents.

Paragraphs come from any folder of documents (by default the BBC set in ../shared); each generated
document gets a source, date, place and title, and about a third of its paragraphs become quotes
attributed to speakers drawn from a Zipf-like spread over thousands of names, so facets look like
a real archive's. Same corpus, size and seed: same files.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from bench.archive_engine import UnreadableFile, decode, discover, read_bytes

FIRST = ("Ana Ben Carla David Elena Farid Grace Hiroshi Ines Jamal Kenji Lena Marta Nadia Omar Pavel Quinn Rosa "
         "Samir Tara Umar Vera Wei Ximena Yusuf Zara Aiko Bruno Chloe Dmitri Esther Felix Gita Hugo Ivan Julia "
         "Kofi Leila Mateo Nora Olga Pedro Rania Sven Tomas Ursula Viktor Wanda Yara Zeynep").split()
LAST = ("Abbott Baptiste Castillo Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Laurent Moreau "
        "Nakamura Okafor Petrov Quispe Rahman Santos Tanaka Ueda Varga Weber Xu Yilmaz Zhang Adeyemi Bauer Cohen "
        "Diallo Esposito Ferreira Gallagher Horvath Iqbal Jovanovic Kim Lindqvist Mensah Novak Osei Popescu Reyes "
        "Schmidt Toure Usman Volkov Wojcik Yamamoto Zielinski Amari Brennan Chowdhury Delgado Ekwueme Farouk Grant "
        "Hussein Ibrahim Jaramillo Kaur Lopes Mwangi Nguyen Ortiz Park Rossi Silva Tran").split()
PLACES = ("London Paris Berlin Nairobi Lagos Cairo Seoul Tokyo Delhi Mumbai Jakarta Manila Sydney Toronto Lima "
          "Bogota Mexico-City Madrid Rome Athens Istanbul Kyiv Warsaw Prague Vienna Geneva Brussels Amsterdam Oslo "
          "Stockholm Helsinki Dublin Lisbon Dakar Accra Kampala Kigali Addis-Ababa Khartoum Beirut Amman Baghdad "
          "Tehran Kabul Karachi Dhaka Colombo Bangkok Hanoi Beijing Shanghai Taipei Washington New-York Chicago "
          "Havana Caracas Santiago Buenos-Aires").split()
OUTLETS = "Herald Times Post Courier Gazette Observer Tribune Chronicle Monitor Journal Dispatch Record Wire Review".split()
ADJECTIVES = ("Daily Evening Morning Weekly Northern Southern Eastern Western Central Coastal Metropolitan Free "
              "Independent National Provincial Valley River Harbour Highland Capital").split()


def zipf_choices(rng: random.Random, population: list, k: int, exponent: float = 1.1) -> list:
    weights = [1.0 / (rank ** exponent) for rank in range(1, len(population) + 1)]
    return rng.choices(population, weights=weights, k=k)


def source_paragraphs(corpus: Path, limit: int = 20000) -> list[str]:
    """Paragraphs of at least eight words, without quotation marks (we add our own)."""
    found = []
    for path, _ in discover([corpus]):
        try:
            text = decode(read_bytes(path))
        except (UnreadableFile, OSError):
            continue
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            if len(para.split()) >= 8 and not re.search(r"[\"“”]", para):
                found.append(para)
        if len(found) >= limit:
            break
    if not found:
        raise SystemExit(f"no usable paragraphs in {corpus}")
    return found


def generate(corpus: Path, out: Path, passages: int, seed: int = 7, per_doc: int = 10) -> Path:
    """Write documents holding `passages` paragraphs in all into `out`; returns the folder."""
    marker = out / f".done-{passages}-{seed}"
    if marker.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = source_paragraphs(corpus)
    names = [f"{f} {l}" for l in LAST for f in FIRST]
    rng.shuffle(names)
    names = names[:3000]
    sources = [f"The {a} {o}" for a in ADJECTIVES for o in OUTLETS]
    rng.shuffle(sources)
    sources = sources[:300]
    written, number = 0, 0
    while written < passages:
        count = min(per_doc + rng.randint(-3, 3), passages - written)
        source = zipf_choices(rng, sources, 1, 0.9)[0]
        year, month, day = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
        place = zipf_choices(rng, PLACES, 1, 0.8)[0].replace("-", " ")
        paras = rng.sample(pool, count) if count <= len(pool) else rng.choices(pool, k=count)
        speakers = zipf_choices(rng, names, count)
        body = []
        for para, speaker in zip(paras, speakers):
            roll = rng.random()
            sentence = para.rstrip(".")
            if roll < 0.25:
                body.append(f'"{sentence}," said {speaker}.')
            elif roll < 0.35:
                body.append(f'{speaker} said: "{sentence}."')
            elif roll < 0.40:
                body.append(f"Image: {' '.join(para.split()[:12])}. Pic: {source}")
            else:
                body.append(para)
        title = " ".join(paras[0].split()[:8]).rstrip(".,")
        header = f"Title: {title}\nSource: {source}\nDate: {year}-{month:02d}-{day:02d}\nPlace: {place}\n\n"
        folder = out / f"{number // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{number:07d}.txt").write_text(header + "\n\n".join(body) + "\n", encoding="utf-8")
        written += count
        number += 1
    marker.write_text(f"{number} documents\n")
    return out
