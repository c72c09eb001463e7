"""Site furniture (claims/read/clean.py): lines of buttons and footers are skipped, sentences that
use the same words are read."""
from __future__ import annotations

import pytest

from claims.read.clean import skipped_ranges


@pytest.mark.parametrize("line", ["Share this article", "Share", "Tweet  Share  Subscribe", "Sign in to comment",
                                  "© 2026 Example Media – all rights reserved. Licence 12/3"])
def test_furniture_lines_are_skipped(line):
    text = "First paragraph of the story.\n" + line + "\n"
    assert skipped_ranges(text, []) == [(len("First paragraph of the story.\n"), len(text) - 1)]


@pytest.mark.parametrize("line", ["Acme's share of the domestic market slipped to 38.5% last year.",
                                  "Investors may subscribe to the new shares until Friday.",
                                  "Доля компании выросла до 9%."])
def test_sentences_with_button_words_are_read(line):
    assert skipped_ranges(line + "\n", []) == []
