"""News reports speech in the past tense and splits separable verbs ("legde opnieuw uit",
"lichtte het voorstel toe"): those attributions count as much as "zegt X" (invented sentences)."""

from __future__ import annotations

from kg.extract.interviewees import interviewees

TEXT = (
    "Wethouder Joris Hamerslag legde opnieuw uit dat de buurtteams meer tijd krijgen. "
    "Het college wil de wachtlijst voor de zomer wegwerken. "
    "‘We zijn er nog niet’, erkende Hamerslag. Ook Marloes Tijsen was aanwezig."
)


def test_past_and_separated_speech_verbs_give_the_floor() -> None:
    assert interviewees(TEXT, ["Joris Hamerslag", "Marloes Tijsen"], "news", set()) == ["Joris Hamerslag"]


def test_a_separated_particle_far_away_is_no_attribution() -> None:
    far = "Joris Hamerslag legde de plannen voor de buurtteams en de wijkcentra van de gemeente uit. Hamerslag erkende het."
    assert interviewees(far, ["Joris Hamerslag"], "news", set()) == []
