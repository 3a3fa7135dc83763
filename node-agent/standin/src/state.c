/* The state file: MIG mode, GPU and compute instances, compute modes. Every access holds an flock on
 * `<state>.lock`; writes go to a temporary file renamed over the state, so a crash never leaves half a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "standin.h"

static char state_path[4096];
static int lock_fd = -1;

/* Which state is loaded. Every save bumps a counter kept in the lock file (under the exclusive lock), so a reader
 * re-reads the state only when someone saved since; the inode check also notices a state file deleted to reset. */
static struct {
  int valid, missing;
  ino_t ino;
  unsigned long long saves;
  unsigned long fleet_generation;
} loaded;

static unsigned long long save_count(void) {
  unsigned long long n = 0;
  return pread(lock_fd, &n, sizeof n, 0) == (ssize_t)sizeof n ? n : 0;
}

static void remember_loaded(int missing, const struct stat *st) {
  loaded.valid = 1;
  loaded.missing = missing;
  loaded.ino = missing ? 0 : st->st_ino;
  loaded.saves = save_count();
  loaded.fleet_generation = standin_fleet_generation;
}

static int loaded_is_current(int missing, const struct stat *st) {
  return loaded.valid && loaded.fleet_generation == standin_fleet_generation && loaded.missing == missing &&
         (missing || loaded.ino == st->st_ino) && loaded.saves == save_count();
}

int state_open(const char *path, char *err, size_t errlen) {
  char lock_path[4200];
  snprintf(state_path, sizeof state_path, "%s", path);
  snprintf(lock_path, sizeof lock_path, "%s.lock", path);
  loaded.valid = 0;
  lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd < 0) {
    snprintf(err, errlen, "cannot create state lock %s: %s", lock_path, strerror(errno));
    return -1;
  }
  return 0;
}

void state_close(void) {
  if (lock_fd >= 0) close(lock_fd);
  lock_fd = -1;
}

int state_lock(int exclusive) {
  while (flock(lock_fd, exclusive ? LOCK_EX : LOCK_SH) != 0)
    if (errno != EINTR) return -1;
  return 0;
}

void state_unlock(void) { flock(lock_fd, LOCK_UN); }

static void initial_gpu(standin_gpu_state *s, const standin_gpu *g) {
  memset(s, 0, sizeof *s);
  snprintf(s->uuid, sizeof s->uuid, "%s", g->uuid);
  s->mig_mode = g->mig_initial;
}

static unsigned member_uint(const json_value *obj, const char *key, unsigned fallback) {
  const json_value *v = json_get(obj, key);
  return v && v->kind == JSON_NUMBER && v->number >= 0 ? (unsigned)v->number : fallback;
}

static int read_instances(standin_gpu_state *s, const json_value *gis, char *err, size_t errlen) {
  if (!gis || gis->kind != JSON_ARRAY) return 0;
  for (size_t i = 0; i < gis->count; i++) {
    const json_value *gv = &gis->items[i];
    unsigned id = member_uint(gv, "id", STANDIN_MAX_GI);
    if (id >= STANDIN_MAX_GI) {
      snprintf(err, errlen, "GPU %s: GPU-instance id out of range", s->uuid);
      return -1;
    }
    standin_gi *gi = &s->gis[id];
    gi->used = 1;
    gi->profile_id = member_uint(gv, "profileId", 0);
    gi->start = member_uint(gv, "start", 0);
    gi->size = member_uint(gv, "size", 0);
    const json_value *cis = json_get(gv, "computeInstances");
    for (size_t c = 0; cis && cis->kind == JSON_ARRAY && c < cis->count; c++) {
      const json_value *cv = &cis->items[c];
      unsigned cid = member_uint(cv, "id", STANDIN_MAX_CI);
      const json_value *uuid = json_get(cv, "uuid");
      if (cid >= STANDIN_MAX_CI || !uuid || uuid->kind != JSON_STRING) {
        snprintf(err, errlen, "GPU %s: compute instance without a valid id or uuid", s->uuid);
        return -1;
      }
      standin_ci *ci = &gi->cis[cid];
      gi->ci_used[cid] = 1;
      ci->id = cid;
      ci->profile_id = member_uint(cv, "profileId", 0);
      ci->start = member_uint(cv, "start", 0);
      ci->size = member_uint(cv, "size", 0);
      ci->compute_mode = member_uint(cv, "computeMode", 0);
      snprintf(ci->uuid, sizeof ci->uuid, "%s", uuid->string);
    }
  }
  return 0;
}

int state_load(standin_state *state, const standin_fleet *fleet, char *err, size_t errlen) {
  struct stat st;
  int missing = stat(state_path, &st) != 0;
  if (loaded_is_current(missing, &st)) return 0;
  loaded.valid = 0;
  memset(state, 0, sizeof *state);
  state->n_gpus = fleet->n_gpus;
  for (int i = 0; i < fleet->n_gpus; i++) initial_gpu(&state->gpus[i], &fleet->gpus[i]);
  FILE *f = fopen(state_path, "rb");
  if (!f) { /* no state yet: the fleet's initial state */
    remember_loaded(1, &st);
    return 0;
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  size_t n = text ? fread(text, 1, (size_t)size, f) : 0;
  fclose(f);
  if (!text) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  text[n] = '\0';
  char perr[256];
  json_value *root = json_parse(text, perr, sizeof perr);
  free(text);
  if (!root) {
    snprintf(err, errlen, "state file %s is corrupt (%s); delete it to start from the fleet file", state_path,
             perr);
    return -1;
  }
  const json_value *serial = json_get(root, "serial");
  if (serial && serial->kind == JSON_NUMBER) state->serial = (unsigned long long)serial->number;
  const json_value *gpus = json_get(root, "gpus");
  int rc = 0;
  for (size_t i = 0; gpus && gpus->kind == JSON_ARRAY && i < gpus->count && rc == 0; i++) {
    const json_value *gv = &gpus->items[i];
    unsigned index = member_uint(gv, "index", STANDIN_MAX_GPUS);
    const json_value *uuid = json_get(gv, "uuid");
    /* A GPU whose fleet entry changed (other model or uuid at that index) starts afresh. */
    if (index >= (unsigned)fleet->n_gpus || !uuid || uuid->kind != JSON_STRING ||
        strcmp(uuid->string, state->gpus[index].uuid) != 0)
      continue;
    standin_gpu_state *s = &state->gpus[index];
    s->compute_mode = member_uint(gv, "computeMode", 0);
    if (!fleet->gpus[index].model->mig_capable) continue;
    s->mig_mode = member_uint(gv, "migMode", 0) == 1;
    rc = read_instances(s, json_get(gv, "gpuInstances"), err, errlen);
  }
  json_free(root);
  if (rc == 0) remember_loaded(0, &st);
  return rc;
}

static void write_gpu(FILE *f, int index, const standin_gpu_state *s) {
  fprintf(f, "    {\"index\": %d, \"uuid\": \"%s\", \"migMode\": %d, \"computeMode\": %u, \"gpuInstances\": [", index,
          s->uuid, s->mig_mode, s->compute_mode);
  int first_gi = 1;
  for (unsigned g = 0; g < STANDIN_MAX_GI; g++) {
    const standin_gi *gi = &s->gis[g];
    if (!gi->used) continue;
    fprintf(f, "%s\n      {\"id\": %u, \"profileId\": %u, \"start\": %u, \"size\": %u, \"computeInstances\": [",
            first_gi ? "" : ",", g, gi->profile_id, gi->start, gi->size);
    first_gi = 0;
    int first_ci = 1;
    for (unsigned c = 0; c < STANDIN_MAX_CI; c++) {
      if (!gi->ci_used[c]) continue;
      const standin_ci *ci = &gi->cis[c];
      fprintf(f,
              "%s\n        {\"id\": %u, \"profileId\": %u, \"start\": %u, \"size\": %u, \"computeMode\": %u, "
              "\"uuid\": \"%s\"}",
              first_ci ? "" : ",", c, ci->profile_id, ci->start, ci->size, ci->compute_mode, ci->uuid);
      first_ci = 0;
    }
    fprintf(f, "%s]}", first_ci ? "" : "\n      ");
  }
  fprintf(f, "%s]}", first_gi ? "" : "\n    ");
}

int state_save(const standin_state *state, char *err, size_t errlen) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.%d.tmp", state_path, (int)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
    return -1;
  }
  fprintf(f, "{\n  \"serial\": %llu,\n  \"gpus\": [\n", state->serial);
  for (int i = 0; i < state->n_gpus; i++) {
    write_gpu(f, i, &state->gpus[i]);
    fprintf(f, "%s\n", i + 1 < state->n_gpus ? "," : "");
  }
  fprintf(f, "  ]\n}\n");
  /* No fsync: the rename keeps readers from ever seeing half a file; surviving a power cut is not a stand-in's job. */
  if (fflush(f) != 0 || fclose(f) != 0 || rename(tmp, state_path) != 0) {
    snprintf(err, errlen, "cannot save state %s: %s", state_path, strerror(errno));
    unlink(tmp);
    loaded.valid = 0;
    return -1;
  }
  unsigned long long saves = save_count() + 1;
  struct stat st;
  if (pwrite(lock_fd, &saves, sizeof saves, 0) == (ssize_t)sizeof saves && stat(state_path, &st) == 0)
    remember_loaded(0, &st);
  else
    loaded.valid = 0;
  return 0;
}
