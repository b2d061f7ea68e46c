"""Generated from materials/schema/lesson.schema.json by `khabar schemas --write`. Do not edit."""
SCHEMA_CRC32 = '580e53ed'
VERSION = "2.22.3"
from decimal import Decimal
import re
from helpers.lesson.schema import SchemaViolation as JsonSchemaValueException
from helpers.lesson.schema import SchemaViolation as JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^[a-z0-9]+(-[a-z0-9]+)*\\Z'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'),
    '^[A-Za-z0-9_.-]+$': re.compile('^[A-Za-z0-9_.-]+\\Z')
}

NoneType = type(None)

def validate_https___khabar_invalid_schema_lesson_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/lesson.schema.json', 'title': 'Lesson metadata (lesson.yaml)', 'description': 'One per lesson folder: what the lesson is, when and where its article is set, where it comes from and under which licence.', 'type': 'object', 'required': ['id', 'title', 'date', 'date_inferred', 'level', 'place', 'source', 'licence'], 'additionalProperties': False, 'properties': {'id': {'description': 'The lesson id: lowercase words joined by hyphens, e.g. kazakhstan-visa-2026; must equal the folder name.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$'}, 'title': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'date': {'description': 'The date of the events of the article, YYYY-MM-DD; must be a real date.', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'date_inferred': {'description': 'How the date is worked out from the text, in English (news rarely prints it).', 'type': 'string', 'minLength': 20}, 'level': {'description': 'CEFR level, or a range of two.', 'type': 'string', 'enum': ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']}, 'place': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'topics': {'description': 'A few English keywords.', 'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'uniqueItems': True}, 'source': {'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, 'licence': {'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, 'article': {'description': 'File name of the verbatim article in this folder (default article.ar.txt).', 'type': 'string', 'pattern': '^[A-Za-z0-9_.-]+$'}}, 'definitions': {'bilingual': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'date', 'date_inferred', 'level', 'place', 'source', 'licence']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/lesson.schema.json', 'title': 'Lesson metadata (lesson.yaml)', 'description': 'One per lesson folder: what the lesson is, when and where its article is set, where it comes from and under which licence.', 'type': 'object', 'required': ['id', 'title', 'date', 'date_inferred', 'level', 'place', 'source', 'licence'], 'additionalProperties': False, 'properties': {'id': {'description': 'The lesson id: lowercase words joined by hyphens, e.g. kazakhstan-visa-2026; must equal the folder name.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$'}, 'title': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'date': {'description': 'The date of the events of the article, YYYY-MM-DD; must be a real date.', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'date_inferred': {'description': 'How the date is worked out from the text, in English (news rarely prints it).', 'type': 'string', 'minLength': 20}, 'level': {'description': 'CEFR level, or a range of two.', 'type': 'string', 'enum': ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']}, 'place': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'topics': {'description': 'A few English keywords.', 'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'uniqueItems': True}, 'source': {'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, 'licence': {'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, 'article': {'description': 'File name of the verbatim article in this folder (default article.ar.txt).', 'type': 'string', 'pattern': '^[A-Za-z0-9_.-]+$'}}, 'definitions': {'bilingual': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': 'The lesson id: lowercase words joined by hyphens, e.g. kazakhstan-visa-2026; must equal the folder name.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$'}, rule='type')
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'description': 'The lesson id: lowercase words joined by hyphens, e.g. kazakhstan-visa-2026; must equal the folder name.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$'}, rule='pattern')
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate_https___khabar_invalid_schema_lesson_schema_json__definitions_bilingual(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            if not isinstance(data__date, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string", value=data__date, name="" + (name_prefix or "data") + ".date", definition={'description': 'The date of the events of the article, YYYY-MM-DD; must be a real date.', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='type')
            if isinstance(data__date, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data__date):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value=data__date, name="" + (name_prefix or "data") + ".date", definition={'description': 'The date of the events of the article, YYYY-MM-DD; must be a real date.', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='pattern')
        if "date_inferred" in data_keys:
            data_keys.remove("date_inferred")
            data__dateinferred = data["date_inferred"]
            if not isinstance(data__dateinferred, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".date_inferred must be string", value=data__dateinferred, name="" + (name_prefix or "data") + ".date_inferred", definition={'description': 'How the date is worked out from the text, in English (news rarely prints it).', 'type': 'string', 'minLength': 20}, rule='type')
            if isinstance(data__dateinferred, str):
                data__dateinferred_len = len(data__dateinferred)
                if data__dateinferred_len < 20:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".date_inferred must be longer than or equal to 20 characters", value=data__dateinferred, name="" + (name_prefix or "data") + ".date_inferred", definition={'description': 'How the date is worked out from the text, in English (news rarely prints it).', 'type': 'string', 'minLength': 20}, rule='minLength')
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not isinstance(data__level, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be string", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'description': 'CEFR level, or a range of two.', 'type': 'string', 'enum': ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']}, rule='type')
            if not (isinstance(data__level, str) and data__level == 'A1' or isinstance(data__level, str) and data__level == 'A2' or isinstance(data__level, str) and data__level == 'B1' or isinstance(data__level, str) and data__level == 'B2' or isinstance(data__level, str) and data__level == 'C1' or isinstance(data__level, str) and data__level == 'C2' or isinstance(data__level, str) and data__level == 'A1-A2' or isinstance(data__level, str) and data__level == 'A2-B1' or isinstance(data__level, str) and data__level == 'B1-B2' or isinstance(data__level, str) and data__level == 'B2-C1' or isinstance(data__level, str) and data__level == 'C1-C2'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be one of ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'description': 'CEFR level, or a range of two.', 'type': 'string', 'enum': ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']}, rule='enum')
        if "place" in data_keys:
            data_keys.remove("place")
            data__place = data["place"]
            validate_https___khabar_invalid_schema_lesson_schema_json__definitions_bilingual(data__place, custom_formats, (name_prefix or "data") + ".place")
        if "topics" in data_keys:
            data_keys.remove("topics")
            data__topics = data["topics"]
            if not isinstance(data__topics, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".topics must be array", value=data__topics, name="" + (name_prefix or "data") + ".topics", definition={'description': 'A few English keywords.', 'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'uniqueItems': True}, rule='type')
            data__topics_is_list = isinstance(data__topics, (list, tuple))
            if data__topics_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__topics_len = len(data__topics)
                if data__topics_len > len(set(fn(data__topics_x) for data__topics_x in data__topics)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".topics must contain unique items", value=data__topics, name="" + (name_prefix or "data") + ".topics", definition={'description': 'A few English keywords.', 'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'uniqueItems': True}, rule='uniqueItems')
                for data__topics_x, data__topics_item in enumerate(data__topics):
                    if not isinstance(data__topics_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".topics[{data__topics_x}]".format(**locals()) + " must be string", value=data__topics_item, name="" + (name_prefix or "data") + ".topics[{data__topics_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__topics_item, str):
                        data__topics_item_len = len(data__topics_item)
                        if data__topics_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".topics[{data__topics_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data__topics_item, name="" + (name_prefix or "data") + ".topics[{data__topics_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be object", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, rule='type')
            data__source_is_dict = isinstance(data__source, dict)
            if data__source_is_dict:
                data__source__missing_keys = set(['description']) - data__source.keys()
                if data__source__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must contain " + (str(sorted(data__source__missing_keys)) + " properties"), value=data__source, name="" + (name_prefix or "data") + ".source", definition={'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, rule='required')
                data__source_keys = set(data__source.keys())
                if "description" in data__source_keys:
                    data__source_keys.remove("description")
                    data__source__description = data__source["description"]
                    if not isinstance(data__source__description, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.description must be string", value=data__source__description, name="" + (name_prefix or "data") + ".source.description", definition={'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, rule='type')
                    if isinstance(data__source__description, str):
                        data__source__description_len = len(data__source__description)
                        if data__source__description_len < 20:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.description must be longer than or equal to 20 characters", value=data__source__description, name="" + (name_prefix or "data") + ".source.description", definition={'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, rule='minLength')
                if "outlet" in data__source_keys:
                    data__source_keys.remove("outlet")
                    data__source__outlet = data__source["outlet"]
                    if not isinstance(data__source__outlet, (str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.outlet must be string or null", value=data__source__outlet, name="" + (name_prefix or "data") + ".source.outlet", definition={'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, rule='type')
                if "url" in data__source_keys:
                    data__source_keys.remove("url")
                    data__source__url = data__source["url"]
                    if not isinstance(data__source__url, (str, NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.url must be string or null", value=data__source__url, name="" + (name_prefix or "data") + ".source.url", definition={'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, rule='type')
                if "language" in data__source_keys:
                    data__source_keys.remove("language")
                    data__source__language = data__source["language"]
                    if not isinstance(data__source__language, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.language must be string", value=data__source__language, name="" + (name_prefix or "data") + ".source.language", definition={'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}, rule='type')
                    if not (isinstance(data__source__language, str) and data__source__language == 'ar'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".source.language must be one of ['ar']", value=data__source__language, name="" + (name_prefix or "data") + ".source.language", definition={'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}, rule='enum')
                if data__source_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must not contain "+str(data__source_keys)+" properties", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, rule='additionalProperties')
        if "licence" in data_keys:
            data_keys.remove("licence")
            data__licence = data["licence"]
            if not isinstance(data__licence, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence must be object", value=data__licence, name="" + (name_prefix or "data") + ".licence", definition={'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, rule='type')
            data__licence_is_dict = isinstance(data__licence, dict)
            if data__licence_is_dict:
                data__licence__missing_keys = set(['article', 'materials']) - data__licence.keys()
                if data__licence__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence must contain " + (str(sorted(data__licence__missing_keys)) + " properties"), value=data__licence, name="" + (name_prefix or "data") + ".licence", definition={'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, rule='required')
                data__licence_keys = set(data__licence.keys())
                if "article" in data__licence_keys:
                    data__licence_keys.remove("article")
                    data__licence__article = data__licence["article"]
                    if not isinstance(data__licence__article, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence.article must be string", value=data__licence__article, name="" + (name_prefix or "data") + ".licence.article", definition={'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, rule='type')
                    if isinstance(data__licence__article, str):
                        data__licence__article_len = len(data__licence__article)
                        if data__licence__article_len < 10:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence.article must be longer than or equal to 10 characters", value=data__licence__article, name="" + (name_prefix or "data") + ".licence.article", definition={'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, rule='minLength')
                if "materials" in data__licence_keys:
                    data__licence_keys.remove("materials")
                    data__licence__materials = data__licence["materials"]
                    if not isinstance(data__licence__materials, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence.materials must be string", value=data__licence__materials, name="" + (name_prefix or "data") + ".licence.materials", definition={'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}, rule='type')
                    if isinstance(data__licence__materials, str):
                        data__licence__materials_len = len(data__licence__materials)
                        if data__licence__materials_len < 3:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence.materials must be longer than or equal to 3 characters", value=data__licence__materials, name="" + (name_prefix or "data") + ".licence.materials", definition={'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}, rule='minLength')
                if data__licence_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".licence must not contain "+str(data__licence_keys)+" properties", value=data__licence, name="" + (name_prefix or "data") + ".licence", definition={'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, rule='additionalProperties')
        if "article" in data_keys:
            data_keys.remove("article")
            data__article = data["article"]
            if not isinstance(data__article, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".article must be string", value=data__article, name="" + (name_prefix or "data") + ".article", definition={'description': 'File name of the verbatim article in this folder (default article.ar.txt).', 'type': 'string', 'pattern': '^[A-Za-z0-9_.-]+$'}, rule='type')
            if isinstance(data__article, str):
                if not REGEX_PATTERNS['^[A-Za-z0-9_.-]+$'].search(data__article):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".article must match pattern ^[A-Za-z0-9_.-]+$", value=data__article, name="" + (name_prefix or "data") + ".article", definition={'description': 'File name of the verbatim article in this folder (default article.ar.txt).', 'type': 'string', 'pattern': '^[A-Za-z0-9_.-]+$'}, rule='pattern')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'http://json-schema.org/draft-07/schema#', '$id': 'https://khabar.invalid/schema/lesson.schema.json', 'title': 'Lesson metadata (lesson.yaml)', 'description': 'One per lesson folder: what the lesson is, when and where its article is set, where it comes from and under which licence.', 'type': 'object', 'required': ['id', 'title', 'date', 'date_inferred', 'level', 'place', 'source', 'licence'], 'additionalProperties': False, 'properties': {'id': {'description': 'The lesson id: lowercase words joined by hyphens, e.g. kazakhstan-visa-2026; must equal the folder name.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$'}, 'title': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'date': {'description': 'The date of the events of the article, YYYY-MM-DD; must be a real date.', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'date_inferred': {'description': 'How the date is worked out from the text, in English (news rarely prints it).', 'type': 'string', 'minLength': 20}, 'level': {'description': 'CEFR level, or a range of two.', 'type': 'string', 'enum': ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'A1-A2', 'A2-B1', 'B1-B2', 'B2-C1', 'C1-C2']}, 'place': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, 'topics': {'description': 'A few English keywords.', 'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'uniqueItems': True}, 'source': {'description': 'Where the article comes from.', 'type': 'object', 'required': ['description'], 'additionalProperties': False, 'properties': {'description': {'description': 'What the article is and where it comes from, in English.', 'type': 'string', 'minLength': 20}, 'outlet': {'description': 'The publisher, or null if unknown.', 'type': ['string', 'null']}, 'url': {'description': 'The address of the published article, or null if unknown.', 'type': ['string', 'null']}, 'language': {'description': 'The language of the article.', 'type': 'string', 'enum': ['ar']}}}, 'licence': {'description': 'The terms of use of the article and of the materials.', 'type': 'object', 'required': ['article', 'materials'], 'additionalProperties': False, 'properties': {'article': {'description': 'Terms under which the article text is reproduced.', 'type': 'string', 'minLength': 10}, 'materials': {'description': 'Licence of the lesson materials written for the kit.', 'type': 'string', 'minLength': 3}}}, 'article': {'description': 'File name of the verbatim article in this folder (default article.ar.txt).', 'type': 'string', 'pattern': '^[A-Za-z0-9_.-]+$'}}, 'definitions': {'bilingual': {'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}}}, rule='additionalProperties')
    return data

def validate_https___khabar_invalid_schema_lesson_schema_json__definitions_bilingual(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['ar', 'en']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "ar" in data_keys:
            data_keys.remove("ar")
            data__ar = data["ar"]
            if not isinstance(data__ar, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar must be string", value=data__ar, name="" + (name_prefix or "data") + ".ar", definition={'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__ar, str):
                data__ar_len = len(data__ar)
                if data__ar_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".ar must be longer than or equal to 1 characters", value=data__ar, name="" + (name_prefix or "data") + ".ar", definition={'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "en" in data_keys:
            data_keys.remove("en")
            data__en = data["en"]
            if not isinstance(data__en, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be string", value=data__en, name="" + (name_prefix or "data") + ".en", definition={'description': 'In English.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__en, str):
                data__en_len = len(data__en)
                if data__en_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be longer than or equal to 1 characters", value=data__en, name="" + (name_prefix or "data") + ".en", definition={'description': 'In English.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['ar', 'en'], 'additionalProperties': False, 'properties': {'ar': {'description': 'In Arabic.', 'type': 'string', 'minLength': 1}, 'en': {'description': 'In English.', 'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

validate = validate_https___khabar_invalid_schema_lesson_schema_json
