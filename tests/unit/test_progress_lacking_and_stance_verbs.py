"""Progress towards a keeping said to be missing ("the lack of any steps on the part of Turkey to fulfil…", "has made
no progress in separating…", "no real movement by Ankara towards meeting…") charges whose progress it is; regretting
or mentioning a failure reports it, and reminding a party that it has not kept its obligations charges it. Written for these tests; no labelled set's text."""

from tests.conftest import rule_claims

TRUCE = " The ceasefire in Idlib has been fragile since March."


def test_the_lack_of_steps_on_the_part_of_a_party():
    text = ("The Russian Foreign Ministry pointed to the lack of any practical steps on the part of Ankara to fulfil "
            "its obligations under the Sochi memorandum.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_partys_own_lack_of_progress_in_an_owed_act():
    text = "Lavrov complained about the Turkish side's lack of progress in clearing the M4 highway of militants." + TRUCE
    assert rule_claims(text) == {("russia", "turkey")}


def test_progress_made_by_no_one_but_the_subject():
    text = "The Russian envoy said Ankara had made no progress in withdrawing the heavy weapons from the zone." + TRUCE
    assert rule_claims(text) == {("russia", "turkey")}


def test_no_movement_by_a_party_towards_its_commitments():
    text = ("Damascus said there had been no movement by the Turkish regime towards implementing its commitments "
            "under the Astana agreements.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_steps_taken_charge_no_one():
    # the guard: progress made is no failing
    text = "The Russian envoy said Ankara had taken steps to withdraw the heavy weapons from the zone." + TRUCE
    assert rule_claims(text) == set()


def test_a_lack_of_progress_in_talks_charges_no_one():
    # the guard: progress in talks is no keeping owed
    text = "Lavrov said there had been no progress in the talks with Ankara on the Idlib ceasefire."
    assert rule_claims(text) == set()


def test_regretting_a_failure_reports_it():
    text = ("The Kremlin regretted the failure of the Turkish side to fulfil its commitments under the Moscow "
            "protocol.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_mentioning_a_failure_reports_it():
    text = "Peskov mentioned the failure of Turkey to separate the armed opposition from the terrorists in Idlib." + TRUCE
    assert rule_claims(text) == {("russia", "turkey")}


def test_reminding_a_party_that_it_has_not_kept_its_obligations():
    text = ("The Turkish Foreign Ministry reminded Moscow that it had not fulfilled its obligations as a guarantor of "
            "the Idlib de-escalation zone.")
    assert rule_claims(text) == {("turkey", "russia")}
