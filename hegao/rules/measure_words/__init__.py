"""Measure words that do not fit the noun they count (手机26张, 银行卡140部)."""
