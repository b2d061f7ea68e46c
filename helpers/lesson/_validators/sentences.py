"""Generated from materials/schema/sentences.schema.json by `khabar schemas --write`. Do not edit."""
SCHEMA_CRC32 = 'e841d3c9'
VERSION = "2.22.3"
from decimal import Decimal
import re
from helpers.lesson.schema import SchemaViolation as JsonSchemaValueException
from helpers.lesson.schema import SchemaViolation as JsonSchemaValuesException


REGEX_PATTERNS = {
    '^p[0-9]{2,3}$': re.compile('^p[0-9]{2,3}\\Z'),
    '^p[0-9]{2,3}-s[0-9]{1,2}$': re.compile('^p[0-9]{2,3}-s[0-9]{1,2}\\Z')
}

NoneType = type(None)

def validate_https___khabar_invalid_schema_sentences_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/sentences.schema.json', 'title': 'The article, paragraph by paragraph and sentence by sentence (sentences.yaml)', 'type': 'object', 'required': ['paragraphs'], 'additionalProperties': False, 'properties': {'paragraphs': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'$ref': 'https://khabar.invalid/schema/sentences.schema.json#/definitions/sentence'}}}}}}, 'definitions': {'paragraph': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, 'sentence': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['paragraphs']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/sentences.schema.json', 'title': 'The article, paragraph by paragraph and sentence by sentence (sentences.yaml)', 'type': 'object', 'required': ['paragraphs'], 'additionalProperties': False, 'properties': {'paragraphs': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'$ref': 'https://khabar.invalid/schema/sentences.schema.json#/definitions/sentence'}}}}}}, 'definitions': {'paragraph': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, 'sentence': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}, rule='required')
        data_keys = set(data.keys())
        if "paragraphs" in data_keys:
            data_keys.remove("paragraphs")
            data__paragraphs = data["paragraphs"]
            if not isinstance(data__paragraphs, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs must be array", value=data__paragraphs, name="" + (name_prefix or "data") + ".paragraphs", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'$ref': 'https://khabar.invalid/schema/sentences.schema.json#/definitions/sentence'}}}}}, rule='type')
            data__paragraphs_is_list = isinstance(data__paragraphs, (list, tuple))
            if data__paragraphs_is_list:
                data__paragraphs_len = len(data__paragraphs)
                if data__paragraphs_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs must contain at least 1 items", value=data__paragraphs, name="" + (name_prefix or "data") + ".paragraphs", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'$ref': 'https://khabar.invalid/schema/sentences.schema.json#/definitions/sentence'}}}}}, rule='minItems')
                for data__paragraphs_x, data__paragraphs_item in enumerate(data__paragraphs):
                    validate_https___khabar_invalid_schema_sentences_schema_json__definitions_paragraph(data__paragraphs_item, custom_formats, (name_prefix or "data") + ".paragraphs[{data__paragraphs_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/sentences.schema.json', 'title': 'The article, paragraph by paragraph and sentence by sentence (sentences.yaml)', 'type': 'object', 'required': ['paragraphs'], 'additionalProperties': False, 'properties': {'paragraphs': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'$ref': 'https://khabar.invalid/schema/sentences.schema.json#/definitions/sentence'}}}}}}, 'definitions': {'paragraph': {'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, 'sentence': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_sentences_schema_json__definitions_paragraph(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'sentences']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^p[0-9]{2,3}$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^p[0-9]{2,3}$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, rule='pattern')
        if "sentences" in data_keys:
            data_keys.remove("sentences")
            data__sentences = data["sentences"]
            if not isinstance(data__sentences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must be array", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}, rule='type')
            data__sentences_is_list = isinstance(data__sentences, (list, tuple))
            if data__sentences_is_list:
                data__sentences_len = len(data__sentences)
                if data__sentences_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must contain at least 1 items", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}, rule='minItems')
                for data__sentences_x, data__sentences_item in enumerate(data__sentences):
                    validate_https___khabar_invalid_schema_sentences_schema_json__definitions_sentence(data__sentences_item, custom_formats, (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'sentences'], 'additionalProperties': False, 'properties': {'id': {'description': 'p01, p02, ... in reading order.', 'type': 'string', 'pattern': '^p[0-9]{2,3}$'}, 'sentences': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_sentences_schema_json__definitions_sentence(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'ar', 'ar_vocalized', 'en']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^p[0-9]{2,3}-s[0-9]{1,2}$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^p[0-9]{2,3}-s[0-9]{1,2}$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='pattern')
        if "ar" in data_keys:
            data_keys.remove("ar")
            data__ar = data["ar"]
            if not isinstance(data__ar, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar must be string", value=data__ar, name="" + (name_prefix or "data") + ".ar", definition={'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__ar, str):
                data__ar_len = len(data__ar)
                if data__ar_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar must be longer than or equal to 1 characters", value=data__ar, name="" + (name_prefix or "data") + ".ar", definition={'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "ar_vocalized" in data_keys:
            data_keys.remove("ar_vocalized")
            data__arvocalized = data["ar_vocalized"]
            if not isinstance(data__arvocalized, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar_vocalized must be string", value=data__arvocalized, name="" + (name_prefix or "data") + ".ar_vocalized", definition={'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__arvocalized, str):
                data__arvocalized_len = len(data__arvocalized)
                if data__arvocalized_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar_vocalized must be longer than or equal to 1 characters", value=data__arvocalized, name="" + (name_prefix or "data") + ".ar_vocalized", definition={'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "en" in data_keys:
            data_keys.remove("en")
            data__en = data["en"]
            if not isinstance(data__en, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be string", value=data__en, name="" + (name_prefix or "data") + ".en", definition={'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__en, str):
                data__en_len = len(data__en)
                if data__en_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be longer than or equal to 1 characters", value=data__en, name="" + (name_prefix or "data") + ".en", definition={'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'ar', 'ar_vocalized', 'en'], 'additionalProperties': False, 'properties': {'id': {'description': '<paragraph id>-s<n>, e.g. p07-s2.', 'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, 'ar': {'description': 'The sentence exactly as in the article.', 'type': 'string', 'minLength': 1}, 'ar_vocalized': {'description': 'The same letters with full tashkeel.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'A faithful English translation.', 'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

validate = validate_https___khabar_invalid_schema_sentences_schema_json
