"""Whose goal a stage goal is, on probe goals of our own in trades the labelled set does not
use (a gym, university admissions, a solar installer, a wedding venue, a software renewal, a
food bank, a car buyer). Written by the coach's engineer, so not an unseen estimate.

The customer goals are the hard kind: a family's or a team's "our", numbers, and verbs a
business uses too, in their everyday sense ("Secure a place on the course", "Convert the loft
into a home gym", "Retain our no-claims discount"). Such a verb is the business's only when
what it acts on is the business's market (people it serves, funnel words, its own figures,
more of something, a bare noun such as "sponsorship").
"""

from __future__ import annotations

import pytest

from journeykit.coaching.reading import read_goal

#: Probes the coach still gets wrong, kept in view: "deal" is a deal the business closes as
#: often as one a buyer closes; "two sessions" and "fewer bills" read as a market of many;
#: "Fill the fridge" reads like "Fill the venue".
MISSED = pytest.mark.xfail(strict=True, reason="a known miss of the coach")

CUSTOMER = [
    "Get our wedding guests home safely after midnight",
    "Cut our electricity bill by a third",
    "Convert the loft into a home gym",
    "Find a gym our whole team can use at lunch",
    pytest.param("Close the deal on a used hatchback under 8,000", marks=MISSED),
    "Drive the new car home the same day",
    "Secure a place on the nursing course",
    "Raise our deposit before the venue's deadline",
    "Collect our food parcel without the kids seeing",
    "Boost my fitness before the marathon",
    "Increase my squat by 20 kg this year",
    "Win a scholarship that covers my fees",
    "Launch our son into university life without panic",
    "Deliver the seating plan to the venue by Friday",
    pytest.param("Target two sessions a week around my shifts", marks=MISSED),
    "Build our budget for the wedding with my fiance",
    "Grow our solar savings every summer",
    "Make our money go further this winter",
    "Keep our renewal cost below last year's",
    "Get sign-off from our head of finance for the renewal",
    "Reduce the time our team spends on timesheets",
    "Land a place at my first-choice university",
    pytest.param("Fill the fridge for the week on 30 pounds", marks=MISSED),
    "Get 3 quotes before we choose an installer",
    "Process the loss of my job without going hungry",
    "Sell my old car for a fair price",
    "Generate our own electricity",
    "Capture the day in photos our parents will treasure",
    pytest.param("Attract fewer bills by going solar", marks=MISSED),
    "Upgrade our software plan only if the team uses it",
    "Promote my daughter to the big pool class",
    "Engage a solicitor for the house sale",
    "Market our house while the panels go on",
    "Expand our home office into the spare room",
    "Retain our no-claims discount after the repair",
    "Reach 10,000 steps a day",
    "Drive less and cycle more",
    "Lift 100 kg by summer",
    "Find a venue couples like us can afford",
    "Improve my credit rating before the mortgage",
    "Pay every gas and electricity bill on time",
]

BUSINESS = [
    "Fill the venue on winter weekdays",
    "Convert open-day visitors into applicants",
    "Drive footfall to the Saturday sessions",
    "Lift renewal rates among small teams",
    "Grow the food bank's volunteer list",
    "Reduce drop-outs in the first term",
    "Get couples to book a viewing online",
    "Grow the alumni database before the reunion",
    "Improve review ratings on the booking sites",
    "Answer every warranty and repair request within two days",
    "Upsell premium parking to gym members",
    "Generate 40 solar leads a month",
    "Make first-years feel at home from day one",
    "Be the installer homeowners trust",
    "Win back lapsed gym members",
    "Increase average order value at the bar",
    "Secure more weekday weddings",
    "Get donors to give monthly",
    "Shorten the sales cycle for renewals",
    "Raise awareness of the food bank in new estates",
    "Turn trial users into paying teams",
    "Hit 90% occupancy in June",
    "Boost sign-ups from the campus tour",
    "Reach 500 members by June",
    "Generate 40 leads a month from the open day",
]


@pytest.mark.parametrize("goal", CUSTOMER)
def test_a_customers_goal_is_not_flagged(goal):
    assert read_goal(goal).side == "customer"


@pytest.mark.parametrize("goal", BUSINESS)
def test_a_businesss_step_is_flagged(goal):
    assert read_goal(goal).side != "customer"
