"""The learned name model: numpy scores equal scikit-learn's; it finds uncued names and leaves protected words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import safety.redaction.learned as learned
from safety import privacy
from safety.redaction.learned import Candidates, NameModel

TEXTS = [
    "ok so Jo rang again about the apixaban dose",
    "Handover: Tez in bed 2 still not eating, obs stable",
    "mum its Siobhán - in ED with Nikau, WBC 16.2",
    "Sysmex XN-1000 flagged the FBC for Kwame Mensah as clotted",
    "Dear Dr Ó Briain, re Aoife, Parkinson's disease review",
]
NAMES = {"jo", "tez", "siobhán", "nikau", "kwame", "mensah", "aoife", "briain"}


def _write(path: Path, index: dict[str, int], coef: np.ndarray, intercept: float, threshold: float) -> None:
    terms = sorted(index, key=index.__getitem__)
    np.savez_compressed(path, terms=np.array(terms, dtype=str), coef=coef, intercept=intercept, threshold=threshold)


def test_numpy_scores_equal_sklearns_decision_function(tmp_path: Path) -> None:
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    sklearn_linear = pytest.importorskip("sklearn.linear_model")
    cands = [Candidates(t) for t in TEXTS]
    features = [f for c in cands for f in c.features]
    labels = [int(c.text[s:e].lower() in NAMES) for c in cands for s, e in c.spans]
    vec = sklearn_text.CountVectorizer(analyzer=lambda f: f, binary=True, lowercase=False)
    x = vec.fit_transform(features)
    model = sklearn_linear.LogisticRegression(C=0.3, class_weight="balanced", solver="liblinear").fit(x, labels)
    index = {str(t): i for i, t in enumerate(vec.get_feature_names_out())}
    _write(tmp_path / "m.npz", index, model.coef_[0], float(model.intercept_[0]), 0.0)
    ours = NameModel(tmp_path / "m.npz")
    assert ours.loaded
    expected = model.decision_function(x)
    got = np.concatenate([ours.scores(c) for c in cands])
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)


def test_a_nickname_in_no_cued_position_is_redacted() -> None:
    out = privacy.redact("ok so Jo rang again about the apixaban dose", protected=frozenset({"apixaban"}))
    assert "Jo " not in out and "[NAME]" in out
    assert "apixaban dose" in out


def test_a_device_model_and_a_drug_beside_a_name_survive() -> None:
    text = "ok so Jo rang again, the Sysmex XN-1000 flagged her sample, apixaban held, Parkinson's disease"
    out = privacy.redact(text, protected=frozenset({"apixaban"}))
    for kept in ("Sysmex XN-1000", "apixaban", "Parkinson's disease"):
        assert kept in out


def test_protected_words_are_never_scored_even_by_a_model_that_flags_everything(tmp_path: Path) -> None:
    _write(tmp_path / "all.npz", {"shape=Xx": 0}, np.array([1.0]), 10.0, -np.inf)
    text = "Kwame: Parkinson's disease, Foley catheter, apixaban tonight, Walton Centre, Dr Okafor"
    out = NameModel(tmp_path / "all.npz").redact(text, protected=frozenset({"apixaban"}))
    assert out.startswith("[NAME]:")
    for kept in ("Parkinson's disease", "Foley catheter", "apixaban", "Walton Centre", "Dr "):
        assert kept in out


def test_without_a_model_file_nothing_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = NameModel(tmp_path / "missing.npz")
    assert not missing.loaded
    assert missing.redact(TEXTS[0]) == TEXTS[0]
    monkeypatch.setattr(learned, "default_model", lambda: missing)
    assert "Jo rang" in privacy.redact(TEXTS[0], protected=frozenset())
