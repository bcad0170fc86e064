"""Write ``datasets/clothing-store-events.csv.gz``: an online clothing store's invented event log.

    python tools/make_clothing_store_events.py            # 4,000 visitors, seed 3 (committed)
    python tools/make_clothing_store_events.py --check    # exit 1 if the file differs from the seed

Three months (March to May 2024) of what about 4,000 visitors did on the store's
website and around it, one row per event: ``user_id``, ``event``, ``timestamp``
(ISO 8601, UTC, whole seconds) and ``device`` (``phone`` or ``computer``, the same for
every event of one visit), sorted by time; events of one visitor at the same second
keep the order they happened in (the log order).

**Every number in it is invented** for teaching: the visitors, the rates and the
times are drawn from the made-up probabilities below, with a fixed seed, so every
run writes the same file. It follows the kit's worked example map (``clothing-store``,
framework ``five-stage-decision``) and makes that map's pain points visible:

* **a size-guide dead end** (Consideration: "Unsure which size to order"): about half
  of the visitors who open the size guide leave the site right after it;
* **surprise delivery costs** (Decision: "Surprise delivery costs at checkout"): the
  delivery cost is first shown at checkout (``delivery cost shown``, often in the same
  second as ``checkout``), and most visitors leave there: a big drop from checkout
  to purchase; those who ask the live chat buy more often;
* **having to create an account** at checkout, where some visitors give up: far more
  of them on a phone than at a computer, so a funnel broken down by device differs
  there (visitors from Instagram mostly use a phone, from a blog mostly a computer);
* **repeat purchases** and **referrals**: customers come back and buy again, and some
  refer a friend, who arrives with ``referral visit`` and, trusting the friend, buys
  more often than a visitor who came from an ad.

The stage map that goes with it is ``journeykit.exercises.ex09.EVENT_STAGES`` (also in
``datasets/README.md``); ``home page`` and ``search`` belong to no stage on purpose, for
``Measurement.unmapped()``.

Only the standard library is used, and the gzip header holds no time or file name, so
the same seed writes the same bytes on every machine.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import random
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 3  # the worked example's seed
VISITORS = 4_000
START = datetime(2024, 3, 1, tzinfo=timezone.utc)
DAYS = 92  # March, April, May
OUT = Path(__file__).resolve().parent.parent / "datasets" / "clothing-store-events.csv.gz"

# Invented probabilities (each a share of the visitors at that point).
ARRIVAL = [("ad click", 0.50), ("blog visit", 0.22), ("instagram post click", 0.28)]
P_HOME, P_SEARCH, P_BROWSE, P_REVIEWS, P_SIZE_GUIDE = 0.45, 0.25, 0.85, 0.30, 0.38
P_LEAVE_AFTER_SIZE_GUIDE = 0.55  # the size-guide dead end
P_CART, P_CART_AFTER_GUIDE = 0.42, 0.50
P_CHECKOUT = 0.72
P_ACCOUNT_NEW = 0.65
P_LEAVE_AT_ACCOUNT = {"phone": 0.30, "computer": 0.05}  # typing a form on a phone
# The device of a new visitor's first visit, by how they arrived; a later visit is on
# the same device as the one before it most of the time. Drawn from a generator of its
# own, so the devices change none of the other draws.
P_PHONE = {"ad click": 0.6, "blog visit": 0.3, "instagram post click": 0.85, "referral visit": 0.6}
P_SAME_DEVICE = 0.75
P_CHAT = 0.12
P_BUY, P_BUY_AFTER_CHAT, P_BUY_AGAIN = 0.38, 0.60, 0.70  # after seeing the delivery cost
P_COME_BACK = 0.30  # a visitor who did not buy returns for another look
P_REPEAT = 0.35  # a customer comes back to buy again
P_TRACK, P_FOLLOW, P_RETURN = 0.85, 0.30, 0.12
P_TAG, P_REFER, P_FRIEND_COMES = 0.14, 0.15, 0.60
P_CART_REFERRED, P_BUY_REFERRED = 0.70, 0.65  # a friend's word: more carts and purchases


class Store:
    """Draws visitors and their events; ``rows`` collects (time, order, user, event, device)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.devices = random.Random(seed * 1_000 + 1)
        self.rows: list[tuple[datetime, int, str, str, str]] = []
        self.count = 0
        self.end = START + timedelta(days=DAYS)
        self.device: dict[str, str] = {}  # each visitor's device on their latest visit

    def log(self, when: datetime, user: str, event: str) -> None:
        if when < self.end:
            self.rows.append((when, len(self.rows), user, event, self.device[user]))

    def switch_device(self, user: str, arrival: str | None = None) -> None:
        """The device of a new visit: by arrival for a new visitor, else mostly the same."""
        if arrival is not None:
            phone = self.devices.random() < P_PHONE[arrival]
            self.device[user] = "phone" if phone else "computer"
        elif self.devices.random() > P_SAME_DEVICE:
            self.device[user] = "computer" if self.device[user] == "phone" else "phone"

    def later(self, when: datetime, low: float, high: float) -> datetime:
        """A moment ``low`` to ``high`` seconds after ``when`` (whole seconds; 0 = a tie)."""
        return when + timedelta(seconds=round(self.rng.uniform(low, high)))

    def new_visitor(self, when: datetime, arrival: str | None = None) -> None:
        self.count += 1
        user = f"v{self.count:05d}"
        if arrival is None:
            events, weights = zip(*ARRIVAL, strict=True)
            arrival = self.rng.choices(events, weights)[0]
        self.switch_device(user, arrival)
        self.visit(user, when, arrival, customer=False)

    def visit(self, user: str, when: datetime, first: str, customer: bool) -> None:
        """One visit: from the first event to leaving (or buying)."""
        rng = self.rng
        self.log(when, user, first)
        if rng.random() < P_HOME:
            when = self.later(when, 2, 40)
            self.log(when, user, "home page")
        if rng.random() < P_SEARCH:
            when = self.later(when, 3, 60)
            self.log(when, user, "search")
        if not customer and rng.random() > P_BROWSE:
            return self.maybe_come_back(user, when)
        for _ in range(rng.randint(1, 4)):  # looks at a few products
            when = self.later(when, 5, 120)
            self.log(when, user, "browse collection")
            if rng.random() < P_REVIEWS:
                when = self.later(when, 20, 240)
                self.log(when, user, "read reviews")
        referred = first == "referral visit"
        p_cart = P_CART_REFERRED if referred else P_CART
        if rng.random() < P_SIZE_GUIDE:
            when = self.later(when, 10, 180)
            self.log(when, user, "size guide")
            if rng.random() < P_LEAVE_AFTER_SIZE_GUIDE:
                return None  # the dead end: gone for good
            p_cart = max(p_cart, P_CART_AFTER_GUIDE) if referred else P_CART_AFTER_GUIDE
        if rng.random() > (p_cart if not customer else 0.8):
            return self.maybe_come_back(user, when)
        when = self.later(when, 10, 300)
        self.log(when, user, "add to cart")
        if rng.random() > P_CHECKOUT:
            return self.maybe_come_back(user, when)
        when = self.later(when, 15, 600)
        self.log(when, user, "checkout")
        if not customer and rng.random() < P_ACCOUNT_NEW:
            when = self.later(when, 0, 2)
            self.log(when, user, "create account")
            if rng.random() < P_LEAVE_AT_ACCOUNT[self.device[user]]:
                return self.maybe_come_back(user, when)
        when = self.later(when, 0, 3)  # often the same second as the step before
        self.log(when, user, "delivery cost shown")
        p_buy = P_BUY_AGAIN if customer else P_BUY_REFERRED if referred else P_BUY
        if rng.random() < P_CHAT:
            when = self.later(when, 5, 90)
            self.log(when, user, "live chat")
            p_buy = max(p_buy, P_BUY_AFTER_CHAT)
        if rng.random() > p_buy:
            return self.maybe_come_back(user, when)
        when = self.later(when, 20, 240)
        self.log(when, user, "purchase")
        return self.after_purchase(user, when)

    def maybe_come_back(self, user: str, when: datetime) -> None:
        if self.rng.random() < P_COME_BACK:
            back = self.later(when, 3_600, 12 * 86_400)
            self.switch_device(user)
            self.visit(user, back, self.rng.choice(["newsletter open", "ad click"]), False)

    def after_purchase(self, user: str, when: datetime) -> None:
        rng = self.rng
        if rng.random() < P_TRACK:
            for _ in range(rng.randint(1, 3)):
                when = self.later(when, 8 * 3_600, 2 * 86_400)
                self.log(when, user, "delivery tracking")
        if rng.random() < P_RETURN:
            when = self.later(when, 86_400, 5 * 86_400)
            self.log(when, user, "return started")
        if rng.random() < P_FOLLOW:
            when = self.later(when, 600, 3 * 86_400)
            self.log(when, user, "follow the brand")
        if rng.random() < P_TAG:
            when = self.later(when, 3_600, 4 * 86_400)
            self.log(when, user, "tag the store")
        if rng.random() < P_REFER:
            when = self.later(when, 3_600, 6 * 86_400)
            self.log(when, user, "refer a friend")
            for _ in range(rng.randint(1, 2)):
                if rng.random() < P_FRIEND_COMES:
                    self.new_visitor(self.later(when, 600, 5 * 86_400), "referral visit")
        if rng.random() < P_REPEAT:
            back = self.later(when, 7 * 86_400, 45 * 86_400)
            self.switch_device(user)
            self.visit(user, back, rng.choice(["newsletter open", "browse collection"]), True)


def make_rows(visitors: int = VISITORS, seed: int = SEED) -> list[tuple[str, str, str, str]]:
    """The log's rows (user_id, event, timestamp, device), sorted by time, ties in log order.

    Examples
    --------
    >>> rows = make_rows(visitors=50, seed=1)
    >>> rows[0][2] >= "2024-03-01"
    True
    >>> make_rows(visitors=50, seed=1) == rows
    True
    """
    store = Store(seed)
    for _ in range(visitors):
        store.new_visitor(START + timedelta(seconds=store.rng.uniform(0, (DAYS - 10) * 86_400)))
    store.rows.sort(key=lambda row: (row[0], row[1]))
    return [
        (user, event, when.strftime("%Y-%m-%dT%H:%M:%SZ"), device)
        for when, _order, user, event, device in store.rows
    ]


def gzipped_csv(visitors: int = VISITORS, seed: int = SEED) -> tuple[bytes, int]:
    """The gzipped CSV's bytes (the same for the same seed) and its number of rows."""
    rows = make_rows(visitors, seed)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["user_id", "event", "timestamp", "device"])
    writer.writerows(rows)
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, filename="") as out:
        out.write(text.getvalue().encode("utf-8"))
    return packed.getvalue(), len(rows)


def write(path: str | Path = OUT, visitors: int = VISITORS, seed: int = SEED) -> int:
    """Write the gzipped CSV to *path* in one step; return its number of rows."""
    data, count = gzipped_csv(visitors, seed)
    path = Path(path)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(data)
    Path(tmp.name).chmod(0o644)
    Path(tmp.name).replace(path)
    return count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--visitors", type=int, default=VISITORS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the file with a fresh copy from the seed, write nothing",
    )
    args = parser.parse_args(argv)
    if args.check:
        same = (
            args.out.is_file() and args.out.read_bytes() == gzipped_csv(args.visitors, args.seed)[0]
        )
        print(f"{args.out.name}: {'up to date' if same else 'DIFFERS'}")
        return 0 if same else 1
    count = write(args.out, args.visitors, args.seed)
    print(f"wrote {args.out.name}: {count:,} events")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
