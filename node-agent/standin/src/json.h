/* A small JSON reader for the stand-in's fleet and state files: parses the whole text into a tree. */
#ifndef STANDIN_JSON_H
#define STANDIN_JSON_H

#include <stddef.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_kind;

typedef struct json_value json_value;
struct json_value {
  json_kind kind;
  double number;
  int boolean;
  char *string;        /* JSON_STRING: decoded text; object members: the key */
  json_value *items;   /* JSON_ARRAY / JSON_OBJECT: members, `count` of them */
  size_t count;
  char *key;           /* set on members of an object */
};

/* Parses `text`; on failure returns NULL and writes a message with the byte offset into `err`. */
json_value *json_parse(const char *text, char *err, size_t errlen);
void json_free(json_value *v);

/* Object member by key, or NULL. */
const json_value *json_get(const json_value *obj, const char *key);

#endif
