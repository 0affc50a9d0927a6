"""Numbers and dates as the guide writes them: 4.6万件 -> 46000, 167% -> 1.67, 2月16日 -> 2024-02-16."""

from __future__ import annotations

import re
from decimal import Decimal

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
MAGNITUDES = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000, "千": 1000, "百": 100}
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
QUANTITY = re.compile(rf"({NUMBER})\s*(万亿|万|亿|千)?")


def chinese_to_int(text: str) -> int | None:
    """两 -> 2, 十二 -> 12, 三百五十 -> 350; None when it is not a Chinese numeral."""
    if not text or any(c not in CHINESE_DIGITS and c not in CHINESE_UNITS for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        else:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
    return total + current


def parse_quantity(text: str) -> int | float | None:
    """'4.6万' -> 46000, '2.1万件' -> 21000, '两项' -> 2, '109.9' -> 109.9."""
    match = QUANTITY.search(text)
    if not match:
        return None
    number, magnitude = match.groups()
    value = Decimal(number) if number[0].isdigit() else Decimal(chinese_to_int(number) or 0)
    if magnitude:
        value *= MAGNITUDES[magnitude]
    return int(value) if value == value.to_integral_value() else float(value)


def parse_percent(text: str) -> float | None:
    """'167%' -> 1.67, '9.9%' -> 0.099 (a growth rate as a ratio)."""
    match = re.search(r"(-?\d+(?:\.\d+)?)\s*[%％]", text)
    if not match:
        match = re.search(r"百分之([零〇一二两三四五六七八九十百千\d.]+)", text)
        if not match:
            return None
        raw = match.group(1)
        number = Decimal(raw) if raw[0].isdigit() else Decimal(chinese_to_int(raw) or 0)
    else:
        number = Decimal(match.group(1))
    return float(number / 100)


def parse_date(text: str, context_date: str | None = None) -> str | None:
    """An ISO date for '2024年2月16日', '2月16日' (year from the article's date) or '2024.2.22'."""
    match = re.search(r"(?:(\d{4})\s*[年.\-/])?\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?", text)
    if not match:
        return None
    year, month, day = match.groups()
    if year is None:
        if not context_date:
            return None
        year = context_date[:4]
    month_i, day_i = int(month), int(day)
    if not (1 <= month_i <= 12 and 1 <= day_i <= 31):
        return None
    return f"{int(year):04d}-{month_i:02d}-{day_i:02d}"


def parse_year(text: str) -> int | None:
    match = re.search(r"((?:19|20)\d{2})\s*年", text)
    return int(match.group(1)) if match else None
