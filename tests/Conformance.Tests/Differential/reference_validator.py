"""The reference side of the differential tests: python-jsonschema's verdicts for a batch of cases.

Reads one JSON document from standard input:
    [{"schema": "<schema text>", "instances": ["<instance text>", ...]}, ...]
and writes one to standard output, a result per case in the same order:
    {"verdicts": [[annotation_valid, assertion_valid], ...]}   (one pair per instance)
    {"error": "<why the case could not be judged>"}

Numbers are read as Decimal so that 0.1 and 1e-7 mean what they say (floats would make
multipleOf and the bounds disagree for reasons that are python's, not the schema's); 'integer'
is redefined to accept a Decimal with no fractional part, as JSON Schema says 1.0 is an integer.
"""

import decimal
import json
import sys

import jsonschema
from jsonschema import validators

# Enough digits that a remainder of a large quotient (multipleOf) is exact rather than an error.
decimal.getcontext().prec = 2000
decimal.getcontext().Emax = 100000
decimal.getcontext().Emin = -100000


def is_integer(checker, instance):
    if isinstance(instance, bool):
        return False
    if isinstance(instance, int):
        return True
    if isinstance(instance, decimal.Decimal):
        return instance.is_finite() and instance == instance.to_integral_value()
    return isinstance(instance, float) and instance.is_integer()


_extended = {}


def validator_class(schema):
    base = validators.validator_for(schema)
    cls = _extended.get(base)
    if cls is None:
        cls = validators.extend(base, type_checker=base.TYPE_CHECKER.redefine("integer", is_integer))
        _extended[base] = cls
    return base, cls


def load(text):
    return json.loads(text, parse_float=decimal.Decimal)


def judge(case):
    schema = load(case["schema"])
    base, cls = validator_class(schema)
    base.check_schema(json.loads(case["schema"]))
    annotate = cls(schema)
    assertion = cls(schema, format_checker=base.FORMAT_CHECKER)
    verdicts = []
    for text in case["instances"]:
        instance = load(text)
        verdicts.append([annotate.is_valid(instance), assertion.is_valid(instance)])
    return {"verdicts": verdicts}


def main():
    sys.setrecursionlimit(20000)
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        try:
            results.append(judge(case))
        except Exception as exception:  # a case python cannot judge is reported, never fatal
            results.append({"error": type(exception).__name__ + ": " + str(exception)[:500]})
    json.dump(results, sys.stdout)


main()
