"""Who is quoted at length (invented sentences): an attribution followed by a second quote counts
twice; a name before ", stelt de filosoof" is not the one speaking."""

from __future__ import annotations

from kg.extract.interviewees import interviewees


def test_an_attribution_followed_by_another_quote_is_quoted_at_length() -> None:
    text = (
        "De twaalfjarige Tim heeft weinig hulp. ‘We missen zijn begeleider’, zegt zijn moeder Ellen Brouwer. "
        "‘Tim heeft iemand nodig die hem begrijpt.’ De gemeente zoekt een oplossing. Ook Karin Smit was er."
    )
    assert interviewees(text, ["Ellen Brouwer", "Karin Smit"], "news", set()) == ["Ellen Brouwer"]


def test_a_single_quote_is_not_enough() -> None:
    text = "‘We missen zijn begeleider’, zegt Ellen Brouwer. De gemeente zoekt een oplossing."
    assert interviewees(text, ["Ellen Brouwer"], "news", set()) == []


def test_a_name_before_a_comma_and_a_verb_with_its_own_subject_does_not_speak() -> None:
    text = (
        "Het slechte komt boven, net als in het boek De Pest van Albert Camus uit 1947, stelt de filosoof. "
        "‘Dat zien wij nu ook.’ Camus schreef het boek na de oorlog."
    )
    assert interviewees(text, ["Albert Camus"], "interview", set()) == []


def test_a_name_and_its_verb_without_a_comma_still_speak() -> None:
    text = "Brouwer vindt de aanpak te traag. ‘Het moet sneller.’ Ook wethouder Smit was er."
    assert interviewees(text, ["Ellen Brouwer"], "news", set()) == ["Ellen Brouwer"]
