"""Fixed vocabularies of the diary, with the words shown to people.

Stored values are the keys; labels are what forms and tables show. Adding a key is a
schema-compatible change; renaming one needs a data migration.
"""

from __future__ import annotations

TRIGGERS: dict[str, str] = {
    "lifting": "Lifting or carrying",
    "sitting_posture": "Long sitting or one posture",
    "stress": "Stress",
    "overuse": "Overuse or tired muscles",
    "poor_sleep": "Poor sleep",
    "other": "Something else",
}

BACK_LOCATIONS: dict[str, str] = {
    "neck": "Neck",
    "upper_left": "Upper back, left",
    "upper_right": "Upper back, right",
    "middle_left": "Middle back, left",
    "middle_right": "Middle back, right",
    "lower_left": "Lower back, left",
    "lower_right": "Lower back, right",
    "hip_left": "Hip or buttock, left",
    "hip_right": "Hip or buttock, right",
}

CARE_KINDS: dict[str, str] = {
    "heat": "Heat",
    "cold": "Cold",
    "stretching": "Stretching",
    "walking": "Walking",
    "other": "Other",
}

STOP_REASONS: dict[str, str] = {
    "sharp_pain": "Pain became sharp",
    "more_pain": "Pain got worse",
    "numbness": "Numbness or tingling",
    "dizzy_or_sick": "Dizzy or sick",
    "skin": "Skin hurt or reacted",
    "interrupted": "Interrupted",
    "other": "Something else",
}

SKIN_REACTIONS: dict[str, str] = {
    "none": "None",
    "redness": "Redness or dotted marks that faded",
    "marks_next_day": "Marks still visible the next day",
    "bruising": "Bruising",
    "bleeding": "Pinpoint bleeding",
    "blisters": "Blisters",
    "broken_skin": "Broken skin",
    "rash": "Itchy rash",
}

AFTER_EFFECTS: dict[str, str] = {
    "dizzy_getting_up": "Dizzy or light-headed on getting up",
    "more_pain_later": "More back pain later on",
    "itching": "Itching where the mat touched",
    "infection_signs": "Skin spreading red, warm, swollen or with pus",
}
"""What a session left behind besides the skin's look (issue 15 item 7): the plan steps back
after the first two, and the last is a safety question (SKIN-05)."""
