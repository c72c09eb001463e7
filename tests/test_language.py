"""Language detection (claims/read/language.py): by script first, then lingua among that script's
languages; a short text of foreign names stays in the script's supported language."""
from __future__ import annotations

import pytest

from claims.read.language import detect


@pytest.mark.parametrize("text, lang", [
    ("Tomasz Zieliński left Vardø Shipping in May.", "en"),           # issue 11: Polish names, English text
    ("Zhang Wei quits as Jinhua Auto chairman", "en"),
    ("The board said on Monday that its chief executive would step down after nine years.", "en"),
    ("Le conseil d'administration a nommé un nouveau directeur général hier soir.", "fr"),
    ("El consejo de administración nombró ayer a un nuevo consejero delegado de la empresa.", "es"),
    ("Компания объявила о назначении нового финансового директора.", "ru"),
    ("Компанія оголосила про нового директора і нову стратегію розвитку.", "uk"),
    ("公司今天宣布任命新的首席执行官，并计划扩大海外业务。", "zh-Hans"),
    ("該公司今日宣布任命新的執行長，並計劃擴大海外業務。", "zh-Hant"),
    ("会社は新しい社長を発表した。", "ja"),
    ("أعلنت الشركة تعيين رئيس تنفيذي جديد.", "ar"),
])
def test_detect(text, lang):
    assert detect(text) == lang
