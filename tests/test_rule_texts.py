"""Every rule says what fires it and what it proposes in both languages, written once in its
RuleSpec; the Chinese texts are Chinese (issue 14, item 5)."""

from __future__ import annotations

import pytest
from fupan.sync.engine.rules import RULES
from latin import CJK, latin_words


@pytest.mark.parametrize("spec", RULES, ids=lambda s: s.id)
def test_each_rule_has_its_chinese_trigger_and_action(spec):
    for text in (spec.trigger_text("zh"), spec.action_text("zh")):
        assert CJK.search(text) and latin_words(text) == [], text
    assert spec.trigger_text("en") == spec.trigger and not CJK.search(spec.trigger)
    assert spec.action_text("en") == spec.action_en and not CJK.search(spec.action_en)
