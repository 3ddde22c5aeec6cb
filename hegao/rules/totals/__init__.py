"""Totals and their parts: a stated total must equal the sum of the parts it names,
and the parts of a breakdown cannot exceed their whole. Both read the sums and
breakdowns of the claim layer (hegao/checker/claims/)."""
