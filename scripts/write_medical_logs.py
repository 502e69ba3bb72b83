"""Write retrieval/data/medical_equipment_logs.csv: medical-equipment maintenance logs for the demo corpus.

No public medical-equipment log set exists here, so CareForge writes its own: each case below is a hand-written,
realistic fault with its fix (from common biomedical-engineering failure modes); the script spreads the cases over
assets and dates, and writes some entries in technician shorthand. Deterministic (seeded), so the file is stable.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "retrieval" / "data" / "medical_equipment_logs.csv"

# equipment type, asset prefix, [(problem, action), ...]
CASES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("ventilator", "VNT"): [
        ("High pressure alarm after expiratory filter change; peak pressure reads 8 cmH2O above set.",
         "Expiratory filter was wet and seated crooked. Replaced filter with dry unit, ran circuit leak test and compliance test, alarm cleared."),
        ("Low tidal volume alarm; measured Vte 20% below set on test lung.",
         "Cracked exhalation valve diaphragm. Replaced diaphragm, recalibrated flow sensor, verified Vte within 5%."),
        ("Oxygen sensor fault E-O2 at start-up; FiO2 reads 0.",
         "Galvanic O2 cell expired (exhausted). Replaced O2 cell, performed 21%/100% calibration, passed."),
        ("Ventilator fails pre-use self test at leak step.",
         "Leak traced to loose humidifier chamber seal. Reseated chamber, replaced O-ring, self test passed."),
        ("PEEP not maintained; drifts 3 cmH2O below set.",
         "Exhalation valve membrane stiff. Replaced PEEP valve assembly, verified PEEP stable at 5, 10, 15 cmH2O."),
        ("Battery run time only 12 minutes on internal battery test.",
         "Internal battery pack degraded (18 months). Replaced battery pack, ran full charge/discharge cycle, 2 h 10 min."),
        ("Fan noise and over-temperature warning during long run.",
         "Cooling fan bearing worn and inlet filter clogged with dust. Replaced fan and cleaned inlet filter."),
        ("Touch screen unresponsive in lower right corner.",
         "Touch panel calibration drifted. Recalibrated touch screen; replaced bezel gasket pressing on panel edge."),
    ],
    ("infusion pump", "IP"): [
        ("Upstream occlusion alarm with free-flowing bag and open clamp.",
         "Upstream pressure sensor dirty with dried dextrose. Cleaned sensor, verified occlusion thresholds with test set."),
        ("Downstream occlusion alarm triggers at low pressure on every infusion.",
         "Downstream sensor calibration drifted. Recalibrated pressure sensor, occlusion alarm at 525 mmHg as per spec."),
        ("Air-in-line alarm with no visible air in the set.",
         "Ultrasonic air detector dirty and set not fully seated. Cleaned detector, trained staff on loading the set."),
        ("Pump door will not latch; door open alarm.",
         "Door latch spring broken. Replaced latch assembly, door alarm test passed."),
        ("Flow rate accuracy out of spec: delivered 8% more than set at 100 mL/h.",
         "Pumping mechanism fingers worn. Replaced pumping mechanism, volumetric accuracy within +/-5%."),
        ("Battery low alarm shortly after unplugging; pump shuts down.",
         "Battery failed capacity test. Replaced battery, checked charging circuit, run time now 6 h."),
        ("Drug library update failed; pump shows old library version.",
         "Wireless module lost configuration. Re-entered network profile, pushed library, confirmed version on pump."),
        ("Keypad button 5 intermittent; programming errors reported.",
         "Keypad membrane worn. Replaced keypad overlay, tested every key."),
    ],
    ("patient monitor", "PM"): [
        ("SpO2 reads low and waveform noisy on all patients.",
         "SpO2 extension cable damaged at connector. Replaced cable, verified with simulator at 90% and 97%."),
        ("NIBP cuff inflates then errors with air leak message.",
         "NIBP hose connector O-ring missing. Replaced O-ring and hose, leak test and static pressure check passed."),
        ("ECG shows 50/60 Hz interference on all leads.",
         "Poor earth on bed-side power strip. Moved monitor to hospital-grade outlet, replaced lead set, clean trace."),
        ("Monitor reboots randomly during transport.",
         "Loose battery contacts. Cleaned and re-tensioned contacts, replaced battery door, no reboots in 48 h soak."),
        ("Central station loses monitor intermittently.",
         "Network cable damaged behind headwall. Replaced patch cable, verified continuous connection for 24 h."),
        ("Temperature probe reads 2 degrees low.",
         "Probe out of calibration. Replaced temperature probe, verified against reference thermometer."),
        ("Display flickers and goes dark.",
         "Backlight inverter failing. Replaced display backlight assembly."),
        ("Alarm speaker silent; no audible alarms.",
         "Speaker coil open circuit. Replaced speaker, tested alarm volume levels 1-10."),
    ],
    ("defibrillator", "DF"): [
        ("Defibrillator fails daily self test: charge time too long.",
         "Battery degraded. Replaced battery, charge to 200 J in 5 s, energy delivery test passed."),
        ("Pads not detected message with new pads connected.",
         "Pads cable connector pins bent. Replaced therapy cable, impedance test passed."),
        ("ECG from paddles noisy.",
         "Paddle contacts corroded. Cleaned paddles, replaced paddle set, verified with simulator."),
        ("Printer jams and prints blank strips.",
         "Thermal print head dirty, wrong paper. Cleaned head, loaded correct thermal paper."),
    ],
    ("x-ray", "XR"): [
        ("Tube overheat error after several exposures in a row.",
         "Tube housing cooling fan failed. Replaced fan, verified heat unit dissipation, no errors after 30 exposures."),
        ("Detector not ready; images not received at console.",
         "Wireless detector battery failed and pairing lost. Replaced battery, re-paired detector, test image OK."),
        ("Collimator light bulb out.",
         "Replaced collimator lamp, checked light field / x-ray field alignment within 2%."),
        ("Exposure error: kV not reached.",
         "High voltage cable connector arcing, carbon tracking found. Cleaned and re-greased HV connectors, kV accurate."),
        ("Images show horizontal line artefact.",
         "Detector calibration out of date. Ran gain and offset calibration, artefact gone."),
    ],
    ("ct scanner", "CT"): [
        ("Gantry rotation fault at start of scan.",
         "Slip ring brushes worn. Replaced brush block, cleaned slip ring, rotation test passed."),
        ("Ring artefact in water phantom image.",
         "Detector channel drift. Performed air calibration and detector channel replacement, phantom uniform."),
        ("Table will not move vertically.",
         "Table lift motor fuse blown. Replaced fuse, checked motor current, table moves full range."),
        ("Chiller temperature alarm on scanner.",
         "Chiller coolant low from a leaking hose clamp. Tightened clamp, topped up coolant, temperature stable."),
    ],
    ("mri", "MR"): [
        ("Helium level dropping faster than normal.",
         "Cold head compressor adsorber due. Replaced adsorber, cold head service, boil-off back to normal."),
        ("RF coil not recognised by the system.",
         "Coil connector pins contaminated. Cleaned connector, coil recognised, SNR test passed."),
        ("Image spikes (herringbone) artefact.",
         "Loose RF shield door contact fingers. Replaced door fingerstock, RF shielding test passed."),
    ],
    ("ultrasound", "US"): [
        ("Dropout band in image from the linear probe.",
         "Probe crystal elements damaged. Replaced probe, uniformity test on phantom OK."),
        ("System freezes when switching probes.",
         "Software fault. Installed vendor software patch, cleared cache, no freezes in testing."),
        ("Trackball sticky.",
         "Dirt in trackball assembly. Cleaned trackball and rollers."),
    ],
    ("lab analyzer", "LA"): [
        ("Chemistry analyser QC out of range on potassium.",
         "ISE electrode aged. Replaced potassium electrode, calibrated, QC within range."),
        ("Sample probe crash error.",
         "Probe bent after hitting a cap. Replaced sample probe, aligned probe positions."),
        ("Haematology analyser high background counts.",
         "Contaminated diluent and dirty aperture. Replaced diluent, ran cleaning cycle, background within limits."),
        ("Centrifuge imbalance alarm with balanced load.",
         "Rotor drive mount worn. Replaced motor mount, imbalance sensor test passed."),
        ("Analyser refrigeration temperature high.",
         "Condenser fins clogged with dust. Cleaned condenser, temperature back at 4-8 C."),
    ],
    ("autoclave", "AC"): [
        ("Steriliser cycle aborted: low steam pressure.",
         "Steam trap stuck. Replaced steam trap, Bowie-Dick test passed."),
        ("Door seal leak, steam escaping.",
         "Door gasket cracked. Replaced gasket, leak rate test passed."),
        ("Printer records missing cycle data.",
         "Printer ribbon exhausted. Replaced ribbon, verified cycle record printout."),
    ],
}
SHORTHAND = {
    "Replaced": "R&R", "replaced": "repl", "Replace": "Repl", "calibrated": "cal'd", "calibration": "cal",
    "battery": "batt", "pressure": "press", "alarm": "alm", "sensor": "snsr", "verified": "chkd", "check": "chk",
}
UNITS = ("ICU", "ED", "Ward 4", "Ward 7", "Theatre 2", "Radiology", "NICU", "Cardiology", "Lab", "CSSD")


def _shorthand(text: str, rng: random.Random) -> str:
    for word, short in SHORTHAND.items():
        if rng.random() < 0.7:
            text = text.replace(word, short)
    return text.upper() if rng.random() < 0.5 else text


def write(per_case: int = 6, seed: int = 7) -> int:
    rng = random.Random(seed)
    start = dt.date(2023, 1, 2)
    rows = []
    n = 0
    for (equipment, prefix), cases in CASES.items():
        assets = [f"{prefix}-{100 + i * 7:04d}" for i in range(6)]
        for problem, action in cases:
            for _ in range(per_case):
                n += 1
                raw = rng.random() < 0.35
                rows.append({
                    "log_id": f"MEL-{n:05d}",
                    "asset_id": rng.choice(assets),
                    "equipment": equipment,
                    "date": (start + dt.timedelta(days=rng.randrange(0, 1000))).isoformat(),
                    "location": rng.choice(UNITS),
                    "problem": _shorthand(problem, rng) if raw else problem,
                    "action": _shorthand(action, rng) if raw else action,
                })
    rows.sort(key=lambda r: r["date"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    print(write())
