"""Search keystroke latency over 10,000 participants (issue 3 target: p95 <= 15 ms).

    python bench/bench_search.py [--participants 10000] [--json]

Builds an in-memory index of generated names (Spanish, English, French, with accents and
compound surnames), then times every keystroke of realistic queries typed letter by letter,
with and without typos. Prints p50/p95/p99 and the index's memory. ``--people`` is another
name for ``--participants``.
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc

from _common import describe, emit, latency, parser, verdict

from encounter_desk.core import names as text
from encounter_desk.event.people_search import SearchEntry, SearchIndex, _words

GIVEN = ["María José", "Ana Lucía", "José", "Iñaki", "Begoña", "Patricia", "Emily", "Jean-Luc",
         "Marie-Ève", "Guadalupe", "Juan Carlos", "Sofía", "Ramón", "Lucía", "Héctor", "Noémie",
         "Carmen", "Rosa María", "Ángel", "Dolores", "William", "Sarah", "Thérèse", "Óscar"]
SURNAMES = ["González", "Núñez", "Pérez", "Muñoz de la Cruz", "García-Iglesias", "Peña",
            "Castañeda", "Ruiz", "Tremblay", "Johnson", "Gagnon", "Fernández de Córdoba",
            "Villaseñor", "Echeverría", "Ibáñez", "Ordóñez", "Smith", "Côté", "Álvarez",
            "Domínguez", "Quiñónez", "Zúñiga", "Bolaños", "Montaño", "Cárdenas", "López"]
DELEGATIONS = [("Belice", "Belize", "BZ"), ("Canadá", "Canada", "CA"), ("México", "Mexico", "MX"),
               ("Panamá", "Panama", "PA"), ("El Salvador", "El Salvador", "SV"),
               ("República Dominicana", "Dominican Republic", "DO")]
INSTITUTIONS = ["Asamblea Legislativa", "Senado de la República", "House of Commons",
                "Congreso Nacional", "Organización Internacional para las Migraciones"]
TARGET_P95_MS = 15.0
QUERIES = ["gonzales nunes", "castaneda", "maria jose perez", "tremblay", "munoz de la cruz",
           "quinonez zuniga", "echeverria mex", "cote", "ordonez", "garcia iglesias"]


def entries_of(n: int, seed: int = 7) -> list[SearchEntry]:
    rng = random.Random(seed)
    entries = []
    for pid in range(1, n + 1):
        given = rng.choice(GIVEN)
        first, second = rng.choice(SURNAMES), rng.choice(SURNAMES)
        delegation = rng.choice(DELEGATIONS)
        names = _words(f"{given} {first} {second}")
        other = [*_words(" ".join(delegation)), *_words(rng.choice(INSTITUTIONS)), str(pid)]
        entries.append(SearchEntry(
            id=pid,
            display_name=text.full_name(given, first, second),
            sort_key=text.collation_key(text.sort_name(given, first, second)),
            name_words=tuple(dict.fromkeys(names)),
            other_words=tuple(w for w in dict.fromkeys(other) if w not in names),
        ))
    return entries


def build(n: int, seed: int = 7) -> SearchIndex:
    return SearchIndex.build(entries_of(n, seed))


def main() -> int:
    cli = parser(__doc__, aliases=("--people",))
    args = cli.parse_args()
    entries = entries_of(args.participants)  # what the event's people give the index
    # Timed untraced (tracing every allocation slows building several times over), then
    # built again under tracemalloc for its memory.
    started = time.perf_counter()
    index = SearchIndex.build(entries)
    index.search("warm up")  # (older versions sorted their words on the first search)
    build_s = time.perf_counter() - started
    del index
    tracemalloc.start()
    index = SearchIndex.build(entries)
    index.search("warm up")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings = []
    for _ in range(3):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                t0 = time.perf_counter()
                index.search(query[:end])
                timings.append((time.perf_counter() - t0) * 1000)
    figures = latency(timings)
    figures.update(index_build_s=build_s, index_peak_python_mib=peak / 2**20)
    print(f"people: {args.participants}, keystrokes: {len(timings)}")
    print(f"index build: {build_s * 1000:.0f} ms, peak memory while building: {peak / 2**20:.1f} MiB"
          " (the index alone, from the people's words)")
    print(describe("keystroke", figures))
    status = verdict(f"p95 <= {TARGET_P95_MS:g} ms", figures["p95_ms"] <= TARGET_P95_MS)
    emit(args, "search", args.participants, figures)
    return status


if __name__ == "__main__":
    sys.exit(main())
