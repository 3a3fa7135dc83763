#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *text;
  size_t pos;
  int depth;
  char *err;
  size_t errlen;
} json_reader;

static int fail(json_reader *r, const char *what) {
  if (r->err[0] == '\0') snprintf(r->err, r->errlen, "%s at byte %zu", what, r->pos);
  return -1;
}

static void skip_space(json_reader *r) {
  while (r->text[r->pos] == ' ' || r->text[r->pos] == '\n' || r->text[r->pos] == '\r' ||
         r->text[r->pos] == '\t')
    r->pos++;
}

static int parse_value(json_reader *r, json_value *out);

static int hex4(const char *s, unsigned *cp) {
  *cp = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    *cp <<= 4;
    if (c >= '0' && c <= '9') *cp |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') *cp |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') *cp |= (unsigned)(c - 'A' + 10);
    else return -1;
  }
  return 0;
}

static int parse_string(json_reader *r, char **out) {
  r->pos++; /* opening quote */
  size_t cap = 32, len = 0;
  char *buf = malloc(cap);
  if (!buf) return fail(r, "out of memory");
  for (;;) {
    char c = r->text[r->pos];
    if (c == '\0') {
      free(buf);
      return fail(r, "unterminated string");
    }
    if ((unsigned char)c < 0x20) {
      free(buf);
      return fail(r, "control character in string");
    }
    if (len + 8 >= cap) {
      cap *= 2;
      char *grown = realloc(buf, cap);
      if (!grown) {
        free(buf);
        return fail(r, "out of memory");
      }
      buf = grown;
    }
    r->pos++;
    if (c == '"') break;
    if (c != '\\') {
      buf[len++] = c;
      continue;
    }
    char e = r->text[r->pos++];
    switch (e) {
      case '"': buf[len++] = '"'; break;
      case '\\': buf[len++] = '\\'; break;
      case '/': buf[len++] = '/'; break;
      case 'b': buf[len++] = '\b'; break;
      case 'f': buf[len++] = '\f'; break;
      case 'n': buf[len++] = '\n'; break;
      case 'r': buf[len++] = '\r'; break;
      case 't': buf[len++] = '\t'; break;
      case 'u': {
        unsigned cp;
        if (hex4(r->text + r->pos, &cp) != 0) {
          free(buf);
          return fail(r, "bad \\u escape");
        }
        r->pos += 4;
        /* Names and ids in these files are ASCII; other code points are kept as UTF-8 (no surrogate pairs). */
        if (cp < 0x80) buf[len++] = (char)cp;
        else if (cp < 0x800) {
          buf[len++] = (char)(0xC0 | (cp >> 6));
          buf[len++] = (char)(0x80 | (cp & 0x3F));
        } else {
          buf[len++] = (char)(0xE0 | (cp >> 12));
          buf[len++] = (char)(0x80 | ((cp >> 6) & 0x3F));
          buf[len++] = (char)(0x80 | (cp & 0x3F));
        }
        break;
      }
      default:
        free(buf);
        return fail(r, "bad escape in string");
    }
  }
  buf[len] = '\0';
  *out = buf;
  return 0;
}

static int parse_number(json_reader *r, json_value *out) {
  const char *start = r->text + r->pos;
  char *end;
  if (*start != '-' && (*start < '0' || *start > '9')) return fail(r, "unexpected character");
  out->kind = JSON_NUMBER;
  out->number = strtod(start, &end);
  if (end == start) return fail(r, "bad number");
  r->pos += (size_t)(end - start);
  return 0;
}

static int parse_literal(json_reader *r, const char *word) {
  size_t n = strlen(word);
  if (strncmp(r->text + r->pos, word, n) != 0) return fail(r, "unexpected character");
  r->pos += n;
  return 0;
}

static int append_item(json_reader *r, json_value *container, size_t *cap, json_value **slot) {
  if (container->count == *cap) {
    *cap = *cap ? *cap * 2 : 4;
    json_value *grown = realloc(container->items, *cap * sizeof(json_value));
    if (!grown) return fail(r, "out of memory");
    container->items = grown;
  }
  *slot = &container->items[container->count++];
  memset(*slot, 0, sizeof(json_value));
  return 0;
}

static int parse_container(json_reader *r, json_value *out, int is_object) {
  out->kind = is_object ? JSON_OBJECT : JSON_ARRAY;
  char close = is_object ? '}' : ']';
  size_t cap = 0;
  if (++r->depth > 64) return fail(r, "nesting too deep");
  r->pos++;
  skip_space(r);
  if (r->text[r->pos] == close) {
    r->pos++;
    r->depth--;
    return 0;
  }
  for (;;) {
    json_value *item;
    if (append_item(r, out, &cap, &item) != 0) return -1;
    skip_space(r);
    if (is_object) {
      if (r->text[r->pos] != '"') return fail(r, "expected a quoted key");
      if (parse_string(r, &item->key) != 0) return -1;
      skip_space(r);
      if (r->text[r->pos] != ':') return fail(r, "expected ':'");
      r->pos++;
    }
    if (parse_value(r, item) != 0) return -1;
    skip_space(r);
    char c = r->text[r->pos];
    if (c == ',') {
      r->pos++;
      continue;
    }
    if (c == close) {
      r->pos++;
      r->depth--;
      return 0;
    }
    return fail(r, is_object ? "expected ',' or '}'" : "expected ',' or ']'");
  }
}

static int parse_value(json_reader *r, json_value *out) {
  skip_space(r);
  char c = r->text[r->pos];
  switch (c) {
    case '{': return parse_container(r, out, 1);
    case '[': return parse_container(r, out, 0);
    case '"': out->kind = JSON_STRING; return parse_string(r, &out->string);
    case 't': out->kind = JSON_BOOL; out->boolean = 1; return parse_literal(r, "true");
    case 'f': out->kind = JSON_BOOL; out->boolean = 0; return parse_literal(r, "false");
    case 'n': out->kind = JSON_NULL; return parse_literal(r, "null");
    case '\0': return fail(r, "unexpected end of text");
    default: return parse_number(r, out);
  }
}

static void free_members(json_value *v) {
  for (size_t i = 0; i < v->count; i++) free_members(&v->items[i]);
  free(v->items);
  free(v->string);
  free(v->key);
}

void json_free(json_value *v) {
  if (!v) return;
  free_members(v);
  free(v);
}

json_value *json_parse(const char *text, char *err, size_t errlen) {
  json_reader r = {text, 0, 0, err, errlen};
  err[0] = '\0';
  json_value *root = calloc(1, sizeof(json_value));
  if (!root) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (parse_value(&r, root) == 0) {
    skip_space(&r);
    if (text[r.pos] == '\0') return root;
    fail(&r, "trailing characters after the JSON value");
  }
  json_free(root);
  return NULL;
}

const json_value *json_get(const json_value *obj, const char *key) {
  if (!obj || obj->kind != JSON_OBJECT) return NULL;
  for (size_t i = 0; i < obj->count; i++)
    if (strcmp(obj->items[i].key, key) == 0) return &obj->items[i];
  return NULL;
}
