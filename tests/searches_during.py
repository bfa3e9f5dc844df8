"""Searches asked over and over by reader threads while a writer runs: what each answered."""
import threading
from collections.abc import Callable


def searches_during(client, urls: tuple[str, ...], write: Callable[[], None]) -> tuple[list[int], list[int]]:
    """(every status, every total of a 200) from one thread per URL, searching until write() returns."""
    statuses, totals, done = [], [], threading.Event()

    def searching(url):
        while not done.is_set():
            response = client.get(url)
            statuses.append(response.status_code)
            if response.status_code == 200:
                totals.append(response.get_json()["total"])

    readers = [threading.Thread(target=searching, args=(url,)) for url in urls]
    for reader in readers:
        reader.start()
    try:
        write()
    finally:
        done.set()
        for reader in readers:
            reader.join()
    return statuses, totals
