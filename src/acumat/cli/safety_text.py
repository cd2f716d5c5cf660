"""Plain-text rendering of safety results for the terminal: the urgent part always first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from acumat.safety.schemas import MatStatus, ScreeningOut


def render_result(result: dict[str, Any]) -> str:
    """Urgency and its first action, then the mat verdict, the reasons, and the checklist."""
    from acumat.safety import Urgency
    from acumat.safety.loader import urgency_label, verdict_label

    urgency, reasons = result["urgency"], result["reasons"]
    lines = []
    if Urgency(urgency).is_urgent:
        lines += [
            f"!! {urgency}: {urgency_label(urgency)}.",
            f"   Do this now: {reasons[0]['action']}",
            "",
        ]
    else:
        lines += [f"{urgency}: {urgency_label(urgency)}.", ""]
    lines += [f"Mat: {verdict_label(result['mat'])}.", "", "Why:"]
    lines += [line for reason in reasons for line in _reason_lines(reason)]
    if result["mat"] == "ok":
        lines += ["", *_checklist_lines()]
    if result.get("refused"):
        lines += ["", "These answers were not accepted (fix them and check again):"]
        lines += [f"  - {r['field']}: {r['message']}" for r in result["refused"]]
    return "\n".join(lines)


def render_status(current: MatStatus) -> str:
    """The latest result in two lines, or what to do when there is none."""
    if current.screening is None:
        return current.message + " Run `acumat check`."
    taken = current.screening.taken_at.strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Latest safety check: {taken}, {current.screening.urgency}.", current.message]
    if current.screening.is_urgent:
        lines.insert(0, f"!! Do this now: {current.screening.reasons[0].action}")
    return "\n".join(lines)


def _reason_lines(reason: dict[str, Any]) -> list[str]:
    return [
        f"  {reason['rule']}: {reason['text']}",
        f"      What to do: {reason['action']}",
        f"      Sources: {_sources(reason['sources'])}",
    ]


def _sources(ids: list[str]) -> str:
    from acumat.safety import load_ruleset

    register = load_ruleset().sources
    return "; ".join(f"{sid} {register[sid].name}" for sid in ids)


def _checklist_lines() -> list[str]:
    from acumat.safety import load_checklist

    checklist = load_checklist()
    return [f"{checklist.title}:", *(f"  - {entry.text}" for entry in checklist.entries)]


def render_triage(triage: ScreeningOut) -> str:
    """A re-check's outcome: in full when urgent, else one line plus any reasons."""
    from acumat.safety.loader import urgency_label

    if triage.is_urgent:
        return render_result(
            {
                "urgency": triage.urgency,
                "mat": triage.mat,
                "reasons": [r.model_dump() for r in triage.reasons],
            }
        )
    lines = [f"Safety re-check: {urgency_label(triage.urgency)}."]
    lines += [
        f"  {r.rule}: {r.text}"
        for r in triage.reasons
        if r.level != "SELF_CARE" and r.level != "ok"
    ]
    return "\n".join(lines)
