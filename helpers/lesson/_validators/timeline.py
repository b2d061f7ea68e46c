"""Generated from materials/schema/timeline.schema.json by `khabar schemas --write`. Do not edit."""
SCHEMA_CRC32 = '1973db69'
VERSION = "2.22.3"
from decimal import Decimal
import re
from helpers.lesson.schema import SchemaViolation as JsonSchemaValueException
from helpers.lesson.schema import SchemaViolation as JsonSchemaValuesException


REGEX_PATTERNS = {
    '^e-[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^e-[a-z0-9]+(-[a-z0-9]+)*\\Z'),
    '^p[0-9]{2,3}-s[0-9]{1,2}$': re.compile('^p[0-9]{2,3}-s[0-9]{1,2}\\Z'),
    '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$': re.compile('^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\\Z')
}

NoneType = type(None)

def validate_https___khabar_invalid_schema_timeline_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/timeline.schema.json', 'title': 'Diplomatic timeline (timeline.yaml)', 'type': 'object', 'required': ['events'], 'additionalProperties': False, 'properties': {'events': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'description': 'YYYY-MM-DD (day), YYYY-MM (month), YYYY (year); a range starts here.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'description': 'range only: the last day, YYYY-MM-DD.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, 'definitions': {'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'event': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['events']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/timeline.schema.json', 'title': 'Diplomatic timeline (timeline.yaml)', 'type': 'object', 'required': ['events'], 'additionalProperties': False, 'properties': {'events': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'description': 'YYYY-MM-DD (day), YYYY-MM (month), YYYY (year); a range starts here.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'description': 'range only: the last day, YYYY-MM-DD.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, 'definitions': {'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'event': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, rule='required')
        data_keys = set(data.keys())
        if "events" in data_keys:
            data_keys.remove("events")
            data__events = data["events"]
            if not isinstance(data__events, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".events must be array", value=data__events, name="" + (name_prefix or "data") + ".events", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'description': 'YYYY-MM-DD (day), YYYY-MM (month), YYYY (year); a range starts here.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'description': 'range only: the last day, YYYY-MM-DD.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}, rule='type')
            data__events_is_list = isinstance(data__events, (list, tuple))
            if data__events_is_list:
                data__events_len = len(data__events)
                if data__events_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".events must contain at least 1 items", value=data__events, name="" + (name_prefix or "data") + ".events", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'description': 'YYYY-MM-DD (day), YYYY-MM (month), YYYY (year); a range starts here.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'description': 'range only: the last day, YYYY-MM-DD.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}, rule='minItems')
                for data__events_x, data__events_item in enumerate(data__events):
                    validate_https___khabar_invalid_schema_timeline_schema_json__definitions_event(data__events_item, custom_formats, (name_prefix or "data") + ".events[{data__events_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/timeline.schema.json', 'title': 'Diplomatic timeline (timeline.yaml)', 'type': 'object', 'required': ['events'], 'additionalProperties': False, 'properties': {'events': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'description': 'YYYY-MM-DD (day), YYYY-MM (month), YYYY (year); a range starts here.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'description': 'range only: the last day, YYYY-MM-DD.', '$ref': 'https://khabar.invalid/schema/timeline.schema.json#/definitions/date'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, 'definitions': {'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'event': {'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_timeline_schema_json__definitions_event(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^e-[a-z0-9]+(-[a-z0-9]+)*$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^e-[a-z0-9]+(-[a-z0-9]+)*$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, rule='pattern')
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            validate_https___khabar_invalid_schema_timeline_schema_json__definitions_date(data__date, custom_formats, (name_prefix or "data") + ".date")
        if "precision" in data_keys:
            data_keys.remove("precision")
            data__precision = data["precision"]
            if not isinstance(data__precision, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".precision must be string", value=data__precision, name="" + (name_prefix or "data") + ".precision", definition={'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, rule='type')
            if not (isinstance(data__precision, str) and data__precision == 'day' or isinstance(data__precision, str) and data__precision == 'month' or isinstance(data__precision, str) and data__precision == 'year' or isinstance(data__precision, str) and data__precision == 'range'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".precision must be one of ['day', 'month', 'year', 'range']", value=data__precision, name="" + (name_prefix or "data") + ".precision", definition={'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, rule='enum')
        if "end" in data_keys:
            data_keys.remove("end")
            data__end = data["end"]
            validate_https___khabar_invalid_schema_timeline_schema_json__definitions_date(data__end, custom_formats, (name_prefix or "data") + ".end")
        if "approximate" in data_keys:
            data_keys.remove("approximate")
            data__approximate = data["approximate"]
            if not isinstance(data__approximate, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".approximate must be boolean", value=data__approximate, name="" + (name_prefix or "data") + ".approximate", definition={'type': 'boolean'}, rule='type')
        if "label" in data_keys:
            data_keys.remove("label")
            data__label = data["label"]
            if not isinstance(data__label, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".label must be object", value=data__label, name="" + (name_prefix or "data") + ".label", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, rule='type')
            data__label_is_dict = isinstance(data__label, dict)
            if data__label_is_dict:
                data__label__missing_keys = set(['ar', 'en']) - data__label.keys()
                if data__label__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".label must contain " + (str(sorted(data__label__missing_keys)) + " properties"), value=data__label, name="" + (name_prefix or "data") + ".label", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, rule='required')
                data__label_keys = set(data__label.keys())
                if "ar" in data__label_keys:
                    data__label_keys.remove("ar")
                    data__label__ar = data__label["ar"]
                    if not isinstance(data__label__ar, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".label.ar must be string", value=data__label__ar, name="" + (name_prefix or "data") + ".label.ar", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__label__ar, str):
                        data__label__ar_len = len(data__label__ar)
                        if data__label__ar_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".label.ar must be longer than or equal to 1 characters", value=data__label__ar, name="" + (name_prefix or "data") + ".label.ar", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "en" in data__label_keys:
                    data__label_keys.remove("en")
                    data__label__en = data__label["en"]
                    if not isinstance(data__label__en, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".label.en must be string", value=data__label__en, name="" + (name_prefix or "data") + ".label.en", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__label__en, str):
                        data__label__en_len = len(data__label__en)
                        if data__label__en_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".label.en must be longer than or equal to 1 characters", value=data__label__en, name="" + (name_prefix or "data") + ".label.en", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if data__label_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".label must not contain "+str(data__label_keys)+" properties", value=data__label, name="" + (name_prefix or "data") + ".label", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            if not isinstance(data__category, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be string", value=data__category, name="" + (name_prefix or "data") + ".category", definition={'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, rule='type')
            if not (isinstance(data__category, str) and data__category == 'diplomacy' or isinstance(data__category, str) and data__category == 'agreement' or isinstance(data__category, str) and data__category == 'visit' or isinstance(data__category, str) and data__category == 'economy' or isinstance(data__category, str) and data__category == 'security' or isinstance(data__category, str) and data__category == 'commemoration' or isinstance(data__category, str) and data__category == 'politics'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be one of ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']", value=data__category, name="" + (name_prefix or "data") + ".category", definition={'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, rule='enum')
        if "in_article" in data_keys:
            data_keys.remove("in_article")
            data__inarticle = data["in_article"]
            if not isinstance(data__inarticle, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".in_article must be boolean", value=data__inarticle, name="" + (name_prefix or "data") + ".in_article", definition={'type': 'boolean'}, rule='type')
        if "sentences" in data_keys:
            data_keys.remove("sentences")
            data__sentences = data["sentences"]
            if not isinstance(data__sentences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must be array", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='type')
            data__sentences_is_list = isinstance(data__sentences, (list, tuple))
            if data__sentences_is_list:
                data__sentences_len = len(data__sentences)
                if data__sentences_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must contain at least 1 items", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='minItems')
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__sentences_len > len(set(fn(data__sentences_x) for data__sentences_x in data__sentences)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must contain unique items", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='uniqueItems')
                for data__sentences_x, data__sentences_item in enumerate(data__sentences):
                    if not isinstance(data__sentences_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + " must be string", value=data__sentences_item, name="" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='type')
                    if isinstance(data__sentences_item, str):
                        if not REGEX_PATTERNS['^p[0-9]{2,3}-s[0-9]{1,2}$'].search(data__sentences_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + " must match pattern ^p[0-9]{2,3}-s[0-9]{1,2}$", value=data__sentences_item, name="" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='pattern')
        if "expression" in data_keys:
            data_keys.remove("expression")
            data__expression = data["expression"]
            if not isinstance(data__expression, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".expression must be string", value=data__expression, name="" + (name_prefix or "data") + ".expression", definition={'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__expression, str):
                data__expression_len = len(data__expression)
                if data__expression_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".expression must be longer than or equal to 1 characters", value=data__expression, name="" + (name_prefix or "data") + ".expression", definition={'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be string", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'type': 'string', 'minLength': 10}, rule='type')
            if isinstance(data__source, str):
                data__source_len = len(data__source)
                if data__source_len < 10:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be longer than or equal to 10 characters", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'type': 'string', 'minLength': 10}, rule='minLength')
        if "confidence" in data_keys:
            data_keys.remove("confidence")
            data__confidence = data["confidence"]
            if not isinstance(data__confidence, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".confidence must be string", value=data__confidence, name="" + (name_prefix or "data") + ".confidence", definition={'type': 'string', 'enum': ['high', 'medium', 'low']}, rule='type')
            if not (isinstance(data__confidence, str) and data__confidence == 'high' or isinstance(data__confidence, str) and data__confidence == 'medium' or isinstance(data__confidence, str) and data__confidence == 'low'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".confidence must be one of ['high', 'medium', 'low']", value=data__confidence, name="" + (name_prefix or "data") + ".confidence", definition={'type': 'string', 'enum': ['high', 'medium', 'low']}, rule='enum')
        if "verify" in data_keys:
            data_keys.remove("verify")
            data__verify = data["verify"]
            if not isinstance(data__verify, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".verify must be string", value=data__verify, name="" + (name_prefix or "data") + ".verify", definition={'type': 'string', 'minLength': 10}, rule='type')
            if isinstance(data__verify, str):
                data__verify_len = len(data__verify)
                if data__verify_len < 10:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".verify must be longer than or equal to 10 characters", value=data__verify, name="" + (name_prefix or "data") + ".verify", definition={'type': 'string', 'minLength': 10}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'date', 'precision', 'label', 'category', 'in_article', 'source', 'confidence'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^e-[a-z0-9]+(-[a-z0-9]+)*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'precision': {'type': 'string', 'enum': ['day', 'month', 'year', 'range']}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, 'approximate': {'type': 'boolean'}, 'label': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'type': 'string', 'minLength': 1}, 'en': {'type': 'string', 'minLength': 1}}}, 'category': {'type': 'string', 'enum': ['diplomacy', 'agreement', 'visit', 'economy', 'security', 'commemoration', 'politics']}, 'in_article': {'type': 'boolean'}, 'sentences': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'expression': {'description': 'The Arabic words of the text that imply the date.', 'type': 'string', 'minLength': 1}, 'source': {'type': 'string', 'minLength': 10}, 'confidence': {'type': 'string', 'enum': ['high', 'medium', 'low']}, 'verify': {'type': 'string', 'minLength': 10}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_timeline_schema_json__definitions_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'}, rule='pattern')
    return data

validate = validate_https___khabar_invalid_schema_timeline_schema_json
