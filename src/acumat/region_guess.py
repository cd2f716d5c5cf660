"""A first guess at a new person's region, from this computer's locale and time zone.

The guess only chooses which emergency numbers acumat shows until the person says otherwise
(``acumat settings --region``, the settings page); when nothing on the machine says where it
is, the default region is used.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT = "GB"
TERRITORIES = {"GB": "GB", "UK": "GB", "IE": "IE", "US": "US", "CA": "CA", "AU": "AU", "NZ": "NZ"}
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
ZONES = {
    "Europe/London": "GB",
    "Europe/Belfast": "GB",
    "Europe/Dublin": "IE",
    "Pacific/Auckland": "NZ",
    "Pacific/Chatham": "NZ",
    "America/Toronto": "CA",
    "America/Vancouver": "CA",
    "America/Edmonton": "CA",
    "America/Winnipeg": "CA",
    "America/Halifax": "CA",
    "America/St_Johns": "CA",
    "America/Regina": "CA",
    "America/New_York": "US",
    "America/Chicago": "US",
    "America/Denver": "US",
    "America/Phoenix": "US",
    "America/Los_Angeles": "US",
    "America/Anchorage": "US",
    "Pacific/Honolulu": "US",
}


def guess_region(environ: Mapping[str, str], zone_name: str) -> str:
    """The region a locale such as ``en_US.UTF-8`` names, else the zone's, else the default.

    Any other country is "EU", the elsewhere region (112, which mobile phones in most
    countries accept); only a machine that names no country at all (the C or POSIX locale
    and a UTC clock) gets the default.
    """
    for variable in LOCALE_VARIABLES:
        found = _territory(environ.get(variable, ""))
        if found:
            return found
    if zone_name in ZONES:
        return ZONES[zone_name]
    if zone_name.startswith("Australia/"):
        return "AU"
    if "/" in zone_name and not zone_name.startswith("Etc/"):
        return "EU"
    return DEFAULT


def _territory(locale_name: str) -> str | None:
    language, _, rest = locale_name.partition("_")
    if not rest or not language.isalpha():
        return None
    territory = rest.split(".")[0].split("@")[0].upper()
    if len(territory) != 2 or not territory.isalpha():
        return None
    return TERRITORIES.get(territory, "EU")
