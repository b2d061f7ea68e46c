"""Generated from materials/schema/notes.schema.json by `khabar schemas --write`. Do not edit."""
SCHEMA_CRC32 = 'e2cafc51'
VERSION = "2.22.3"
from decimal import Decimal
import re
from helpers.lesson.schema import SchemaViolation as JsonSchemaValueException
from helpers.lesson.schema import SchemaViolation as JsonSchemaValuesException


REGEX_PATTERNS = {
    '^n-[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^n-[a-z0-9]+(-[a-z0-9]+)*\\Z'),
    '^p[0-9]{2,3}-s[0-9]{1,2}$': re.compile('^p[0-9]{2,3}-s[0-9]{1,2}\\Z')
}

NoneType = type(None)

def validate_https___khabar_invalid_schema_notes_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/notes.schema.json', 'title': 'Teacher notes on the text (notes.yaml)', 'type': 'object', 'required': ['notes'], 'additionalProperties': False, 'properties': {'notes': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, 'definitions': {'note': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['notes']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/notes.schema.json', 'title': 'Teacher notes on the text (notes.yaml)', 'type': 'object', 'required': ['notes'], 'additionalProperties': False, 'properties': {'notes': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, 'definitions': {'note': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, rule='required')
        data_keys = set(data.keys())
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be array", value=data__notes, name="" + (name_prefix or "data") + ".notes", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}, rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                data__notes_len = len(data__notes)
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    validate_https___khabar_invalid_schema_notes_schema_json__definitions_note(data__notes_item, custom_formats, (name_prefix or "data") + ".notes[{data__notes_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/notes.schema.json', 'title': 'Teacher notes on the text (notes.yaml)', 'type': 'object', 'required': ['notes'], 'additionalProperties': False, 'properties': {'notes': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, 'definitions': {'note': {'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_notes_schema_json__definitions_note(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'kind', 'sentences', 'focus', 'title', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^n-[a-z0-9]+(-[a-z0-9]+)*$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^n-[a-z0-9]+(-[a-z0-9]+)*$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, rule='pattern')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not isinstance(data__kind, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be string", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, rule='type')
            if not (isinstance(data__kind, str) and data__kind == 'spelling' or isinstance(data__kind, str) and data__kind == 'translation' or isinstance(data__kind, str) and data__kind == 'grammar' or isinstance(data__kind, str) and data__kind == 'punctuation' or isinstance(data__kind, str) and data__kind == 'formula' or isinstance(data__kind, str) and data__kind == 'reported-speech' or isinstance(data__kind, str) and data__kind == 'numbers' or isinstance(data__kind, str) and data__kind == 'style' or isinstance(data__kind, str) and data__kind == 'fact'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, rule='enum')
        if "sentences" in data_keys:
            data_keys.remove("sentences")
            data__sentences = data["sentences"]
            if not isinstance(data__sentences, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must be array", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='type')
            data__sentences_is_list = isinstance(data__sentences, (list, tuple))
            if data__sentences_is_list:
                data__sentences_len = len(data__sentences)
                if data__sentences_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must contain at least 1 items", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='minItems')
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__sentences_len > len(set(fn(data__sentences_x) for data__sentences_x in data__sentences)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences must contain unique items", value=data__sentences, name="" + (name_prefix or "data") + ".sentences", definition={'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, rule='uniqueItems')
                for data__sentences_x, data__sentences_item in enumerate(data__sentences):
                    if not isinstance(data__sentences_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + " must be string", value=data__sentences_item, name="" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='type')
                    if isinstance(data__sentences_item, str):
                        if not REGEX_PATTERNS['^p[0-9]{2,3}-s[0-9]{1,2}$'].search(data__sentences_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + " must match pattern ^p[0-9]{2,3}-s[0-9]{1,2}$", value=data__sentences_item, name="" + (name_prefix or "data") + ".sentences[{data__sentences_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}, rule='pattern')
        if "focus" in data_keys:
            data_keys.remove("focus")
            data__focus = data["focus"]
            if not isinstance(data__focus, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".focus must be string", value=data__focus, name="" + (name_prefix or "data") + ".focus", definition={'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__focus, str):
                data__focus_len = len(data__focus)
                if data__focus_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".focus must be longer than or equal to 1 characters", value=data__focus, name="" + (name_prefix or "data") + ".focus", definition={'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'description': 'Short English title.', 'type': 'string', 'minLength': 3}, rule='type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 3:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 3 characters", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'description': 'Short English title.', 'type': 'string', 'minLength': 3}, rule='minLength')
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, rule='type')
            if isinstance(data__text, str):
                data__text_len = len(data__text)
                if data__text_len < 20:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be longer than or equal to 20 characters", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, rule='minLength')
        if "usual" in data_keys:
            data_keys.remove("usual")
            data__usual = data["usual"]
            if not isinstance(data__usual, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".usual must be string", value=data__usual, name="" + (name_prefix or "data") + ".usual", definition={'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__usual, str):
                data__usual_len = len(data__usual)
                if data__usual_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".usual must be longer than or equal to 1 characters", value=data__usual, name="" + (name_prefix or "data") + ".usual", definition={'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'kind', 'sentences', 'focus', 'title', 'text'], 'additionalProperties': False, 'properties': {'id': {'type': 'string', 'pattern': '^n-[a-z0-9]+(-[a-z0-9]+)*$'}, 'kind': {'type': 'string', 'enum': ['spelling', 'translation', 'grammar', 'punctuation', 'formula', 'reported-speech', 'numbers', 'style', 'fact']}, 'sentences': {'description': 'Ids of the sentences the note is about.', 'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^p[0-9]{2,3}-s[0-9]{1,2}$'}}, 'focus': {'description': 'The words concerned, exactly as in every listed sentence.', 'type': 'string', 'minLength': 1}, 'title': {'description': 'Short English title.', 'type': 'string', 'minLength': 3}, 'text': {'description': 'English explanation; may quote Arabic.', 'type': 'string', 'minLength': 20}, 'usual': {'description': 'The usual or correct Arabic form, where the note proposes one.', 'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

validate = validate_https___khabar_invalid_schema_notes_schema_json
