"""Job titles between an organization and a person (kg.extract.roles)."""

import pytest

from kg.extract.roles import parse_roles, roles_after


@pytest.mark.parametrize("segment, roles", [
    ("创始人、董事长", ["创始人", "董事长"]),
    ("第66任校长", ["校长"]),
    ("产品部总监", ["产品部总监"]),
    ("终端BG CEO", ["终端BG CEO"]),
    ("表示", None),
    ("董事长和总经理", ["董事长", "总经理"]),
    ("全球预警及反应部门主管", ["全球预警及反应部门主管"]),  # one department with 及 in its name
    ("华为和中兴公司董事长", None),  # two firms, not one department
])
def test_parse_roles(segment, roles):
    assert parse_roles(segment) == roles


def test_roles_after_stop_at_a_remark_a_profile_field_or_a_clause_break():
    text = "某公司校长（试用期一年）。某公司董事长毕业院校：北方大学。某公司总经理，另有任用。"
    assert roles_after(text, 3, len(text)) == ["校长"]
    at = text.index("董事长")
    assert roles_after(text, at, len(text)) == ["董事长"]
    at = text.index("总经理")
    assert roles_after(text, at, len(text)) == ["总经理"]


@pytest.mark.parametrize("clause, roles", [
    ("总经理以来，大胆创新", ["总经理"]),
    ("董事长期间，公司上市", ["董事长"]),
    ("校长时，学校扩建", ["校长"]),
    ("总经理以外的职务", None),
])
def test_roles_after_end_before_a_time_phrase(clause, roles):
    """'王某担任某公司总经理以来': the post ends where a phrase of time begins."""
    assert roles_after(clause, 0, len(clause)) == roles


@pytest.mark.parametrize("segment, roles", [
    ("实际控制人、董事长", ["实际控制人", "董事长"]),
    ("法定代表人、董事长", ["法定代表人", "董事长"]),
    ("副厂长", ["副厂长"]),
])
def test_roles_of_corporate_filings_and_factories(segment, roles):
    assert parse_roles(segment) == roles
