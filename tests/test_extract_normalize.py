"""Numbers and dates as the guide normalizes them."""

import pytest

from kg.extract.normalize import chinese_to_int, parse_date, parse_percent, parse_quantity, parse_year


@pytest.mark.parametrize(
    ("text", "value"),
    [("4.6万件", 46000), ("2.1万件", 21000), ("两项", 2), ("十二个", 12), ("1.08万亿元", 1_080_000_000_000),
     ("7.98万元", 79800), ("109.9", 109.9), ("三百五十件", 350)],
)
def test_quantities(text, value):
    assert parse_quantity(text) == value


def test_percent_is_a_ratio():
    assert parse_percent("增速达到167%") == pytest.approx(1.67)
    assert parse_percent("增长5.8%") == pytest.approx(0.058)
    assert parse_percent("百分之二十") == pytest.approx(0.2)
    assert parse_percent("没有百分比") is None


def test_dates_use_the_article_year():
    assert parse_date("2月16日凌晨", "2024-02-22") == "2024-02-16"
    assert parse_date("2023年12月1日", "2024-02-22") == "2023-12-01"
    assert parse_date("2024.2.22") == "2024-02-22"
    assert parse_date("2月16日", None) is None
    assert parse_date("13月40日", "2024-01-01") is None


def test_year_and_chinese_numerals():
    assert parse_year("2023年,公司获得专利") == 2023
    assert parse_year("近日") is None
    assert chinese_to_int("两") == 2 and chinese_to_int("二十一") == 21 and chinese_to_int("abc") is None
