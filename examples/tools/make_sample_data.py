#!/usr/bin/env python3
"""Builds the sample price files bundled with the erasmo app from the real data in ../shared.

Run from the repository root: python3 examples/tools/make_sample_data.py ../shared
Not part of the build; kept so anyone can check how each bundled file was made.
"""
import json, sys
from decimal import Decimal, ROUND_HALF_EVEN
from datetime import datetime
from zoneinfo import ZoneInfo

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
out = "examples/src/main/resources/dev/erasmo/examples/sample/"

def write(name, header, rows):
    with open(out + name, "w", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")

# AAPL 2013: copied unchanged (columns renamed to the Yahoo download layout).
lines = open(shared + "/data/aapl_daily_2013_ohlcv.csv").read().split("\n")
assert lines[0] == "date,open,high,low,close,volume"
write("AAPL.csv", "Date,Open,High,Low,Close,Volume", [l.split(",") for l in lines[1:] if l])
# Apple's four 2013 cash dividends, ex-dates and amounts as listed in ../shared/data/README.md.
write("AAPL.dividends.csv", "Date,Dividends",
      [["2013-02-07", "2.65"], ["2013-05-09", "3.05"], ["2013-08-08", "3.05"], ["2013-11-06", "3.05"]])

# Close-only series: S&P 500 (vega-datasets) as ^GSPC, Microsoft (R timeSeries) as MSFT.
def closes(file, symbol, name):
    rows = []
    for l in open(shared + "/data/" + file).read().split("\n")[1:]:
        if not l:
            continue
        date, sym, close = l.split(",")
        assert sym == symbol
        rows.append([date, close])
    write(name, "Date,Close", rows)
closes("vega_sp500_daily_2000_2020.csv", "SPX", "^GSPC.csv")
closes("msft_daily_2000_2001.csv", "MSFT", "MSFT.csv")

# NVDA 2021-02-01 .. 2022-01-31 from a real Yahoo chart response. Yahoo divides every price by
# every split up to the request (here the 4:1 of 2021-07-20 and the 10:1 of 2024-06-10) and
# multiplies volumes; as-traded prices are rebuilt by undoing both, rounded to cents (Yahoo's
# numbers are float32 artefacts of two-decimal prices), volumes divided back.
d = json.load(open(shared + "/fixtures/yahoo/chart-NVDA-2021-02-01_2022-01-31-1d-split-4for1.json"))
r = d["chart"]["result"][0]
tz = ZoneInfo(r["meta"]["exchangeTimezoneName"])
q = r["indicators"]["quote"][0]
split_day = datetime.fromtimestamp(list(r["events"]["splits"].values())[0]["date"], tz).date()
cent = Decimal("0.01")
rows = []
for i, ts in enumerate(r["timestamp"]):
    day = datetime.fromtimestamp(ts, tz).date()
    factor = 10 * (4 if day < split_day else 1)
    px = [str((Decimal(repr(q[k][i])) * factor).quantize(cent, ROUND_HALF_EVEN)) for k in ("open", "high", "low", "close")]
    vol = q["volume"][i]
    assert vol % factor == 0, (day, vol, factor)
    rows.append([day.isoformat()] + px + [str(vol // factor)])
write("NVDA.csv", "Date,Open,High,Low,Close,Volume", rows)
write("NVDA.splits.csv", "Date,Stock Splits", [[split_day.isoformat(), "4:1"]])
print("wrote", out)
