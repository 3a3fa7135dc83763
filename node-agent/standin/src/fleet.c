/* The fleet file: which GPUs the stand-in simulates, and the telemetry, processes and Xid events tests inject. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "json.h"
#include "standin.h"

standin_fleet standin_current_fleet;
unsigned long standin_fleet_generation;
static char current_path[4096];
static struct timespec current_mtime;
static off_t current_size;

static const char *const gpu_fields[] = {
    "model",        "mig",           "uuid",        "serial",       "pciBusId",
    "numaNode",     "pciSwitch",     "nvlinkPeers", "utilization",  "temperatureC",
    "powerW",       "memoryUsedMiB", "memoryReservedMiB", "processes", "xids", NULL};
static const char *const top_fields[] = {"gpus", "driverVersion", "nvmlVersion", "cudaDriverVersion", NULL};
static const char *const process_fields[] = {"pid", "usedMemoryMiB", "gpuInstanceId", "computeInstanceId", NULL};
static const char *const xid_fields[] = {"xid", "gpuInstanceId", "computeInstanceId", NULL};
static const char *const utilization_fields[] = {"gpu", "memory", NULL};

static int check_fields(const json_value *obj, const char *const *allowed, const char *where, char *err,
                        size_t errlen) {
  for (size_t i = 0; i < obj->count; i++) {
    int known = 0;
    for (const char *const *a = allowed; *a; a++)
      if (strcmp(obj->items[i].key, *a) == 0) known = 1;
    if (!known) {
      size_t n = (size_t)snprintf(err, errlen, "%s: unknown field \"%s\" (allowed:", where, obj->items[i].key);
      for (const char *const *a = allowed; *a && n < errlen; a++)
        n += (size_t)snprintf(err + n, errlen - n, " %s", *a);
      if (n < errlen) snprintf(err + n, errlen - n, ")");
      return -1;
    }
  }
  return 0;
}

/* Reads an optional non-negative integer member; returns -1 with a message when it is present but wrong. */
static int read_uint(const json_value *obj, const char *key, unsigned long long max, unsigned long long *out,
                     const char *where, char *err, size_t errlen) {
  const json_value *v = json_get(obj, key);
  if (!v) return 0;
  if (v->kind != JSON_NUMBER || v->number < 0 || v->number > (double)max || v->number != (double)(long long)v->number) {
    snprintf(err, errlen, "%s.%s must be an integer from 0 to %llu", where, key, max);
    return -1;
  }
  *out = (unsigned long long)v->number;
  return 1;
}

static int read_string(const json_value *obj, const char *key, char *out, size_t len, const char *where, char *err,
                       size_t errlen) {
  const json_value *v = json_get(obj, key);
  if (!v) return 0;
  if (v->kind != JSON_STRING || strlen(v->string) == 0 || strlen(v->string) >= len) {
    snprintf(err, errlen, "%s.%s must be a non-empty string shorter than %zu characters", where, key, len);
    return -1;
  }
  strcpy(out, v->string);
  return 1;
}

static int read_mig_ids(const json_value *obj, unsigned *gi, unsigned *ci, const char *where, char *err,
                        size_t errlen) {
  unsigned long long g = STANDIN_NOT_MIG, c = STANDIN_NOT_MIG;
  int has_g = read_uint(obj, "gpuInstanceId", STANDIN_MAX_GI - 1, &g, where, err, errlen);
  int has_c = read_uint(obj, "computeInstanceId", STANDIN_MAX_CI - 1, &c, where, err, errlen);
  if (has_g < 0 || has_c < 0) return -1;
  if (has_c && !has_g) {
    snprintf(err, errlen, "%s: computeInstanceId needs gpuInstanceId", where);
    return -1;
  }
  if (has_g && !has_c) c = 0;
  *gi = (unsigned)g;
  *ci = (unsigned)c;
  return 0;
}

static int parse_bus_id(standin_gpu *g, const char *where, char *err, size_t errlen) {
  unsigned domain, bus, device, function;
  char tail;
  if (sscanf(g->bus_id, "%x:%x:%x.%x%c", &domain, &bus, &device, &function, &tail) != 4 || bus > 0xFF ||
      device > 0x1F || function != 0) {
    snprintf(err, errlen, "%s.pciBusId \"%s\" must look like 00000000:07:00.0", where, g->bus_id);
    return -1;
  }
  g->domain = domain;
  g->bus = bus;
  g->device = device;
  snprintf(g->bus_id, sizeof g->bus_id, "%08X:%02X:%02X.0", domain, bus, device);
  return 0;
}

static int parse_gpu(standin_gpu *g, int index, const json_value *v, char *err, size_t errlen) {
  char where[32];
  snprintf(where, sizeof where, "gpus[%d]", index);
  if (v->kind != JSON_OBJECT) {
    snprintf(err, errlen, "%s must be an object like {\"model\": \"H100-SXM5-80GB\", \"mig\": true}", where);
    return -1;
  }
  if (check_fields(v, gpu_fields, where, err, errlen) != 0) return -1;
  const json_value *model = json_get(v, "model");
  if (!model || model->kind != JSON_STRING) {
    snprintf(err, errlen, "%s.model is required: one of the catalog ids", where);
    return -1;
  }
  for (unsigned m = 0; m < standin_model_count; m++)
    if (strcmp(standin_models[m].id, model->string) == 0) g->model = &standin_models[m];
  if (!g->model) {
    size_t n = (size_t)snprintf(err, errlen, "%s.model \"%s\" is not a catalog model (known:", where, model->string);
    for (unsigned m = 0; m < standin_model_count && n < errlen; m++)
      n += (size_t)snprintf(err + n, errlen - n, " %s", standin_models[m].id);
    if (n < errlen) snprintf(err + n, errlen - n, ")");
    return -1;
  }
  const json_value *mig = json_get(v, "mig");
  if (mig && mig->kind != JSON_BOOL) {
    snprintf(err, errlen, "%s.mig must be true or false", where);
    return -1;
  }
  g->mig_initial = mig && mig->boolean;
  if (g->mig_initial && !g->model->mig_capable) {
    snprintf(err, errlen, "%s: %s has no MIG support; remove \"mig\": true", where, g->model->id);
    return -1;
  }

  char seed[64];
  snprintf(seed, sizeof seed, "gpu/%d/%s", index, g->model->id);
  standin_format_uuid(g->uuid, sizeof g->uuid, "GPU-", seed);
  snprintf(g->serial, sizeof g->serial, "16%011llu", standin_hash(seed, 7) % 100000000000ULL);
  /* 15 GPUs per PCI domain at buses 0x10, 0x20, ... 0xF0, so 64 GPUs get distinct ids. */
  snprintf(g->bus_id, sizeof g->bus_id, "%08X:%02X:00.0", (unsigned)(index / 15), (unsigned)(0x10 * (index % 15 + 1)));
  if (read_string(v, "uuid", g->uuid, sizeof g->uuid, where, err, errlen) < 0) return -1;
  if (strncmp(g->uuid, "GPU-", 4) != 0) {
    snprintf(err, errlen, "%s.uuid \"%s\" must start with GPU-", where, g->uuid);
    return -1;
  }
  if (read_string(v, "serial", g->serial, sizeof g->serial, where, err, errlen) < 0) return -1;
  if (read_string(v, "pciBusId", g->bus_id, sizeof g->bus_id, where, err, errlen) < 0) return -1;
  if (parse_bus_id(g, where, err, errlen) != 0) return -1;

  unsigned long long u = 0;
  g->numa_node = 0;
  if (read_uint(v, "numaNode", 63, &u, where, err, errlen) < 0) return -1;
  g->numa_node = (int)u;
  g->pci_switch = -1;
  u = 0;
  int has_switch = read_uint(v, "pciSwitch", 1000000, &u, where, err, errlen);
  if (has_switch < 0) return -1;
  if (has_switch) g->pci_switch = (int)u;

  const json_value *peers = json_get(v, "nvlinkPeers");
  if (peers) {
    if (peers->kind != JSON_ARRAY || peers->count > g->model->nvlink_links) {
      snprintf(err, errlen, "%s.nvlinkPeers must be a list of at most %u GPU indices (%s has %u NVLinks)", where,
               g->model->nvlink_links, g->model->id, g->model->nvlink_links);
      return -1;
    }
    for (size_t i = 0; i < peers->count; i++) {
      const json_value *p = &peers->items[i];
      if (p->kind != JSON_NUMBER || p->number < 0 || p->number != (double)(int)p->number || (int)p->number == index) {
        snprintf(err, errlen, "%s.nvlinkPeers[%zu] must be the index of another GPU", where, i);
        return -1;
      }
      g->peers[g->n_peers++] = (int)p->number;
    }
  }

  const json_value *util = json_get(v, "utilization");
  if (util) {
    char uwhere[48];
    snprintf(uwhere, sizeof uwhere, "%s.utilization", where);
    if (util->kind != JSON_OBJECT) {
      snprintf(err, errlen, "%s must be an object {\"gpu\": 0-100, \"memory\": 0-100}", uwhere);
      return -1;
    }
    if (check_fields(util, utilization_fields, uwhere, err, errlen) != 0) return -1;
    u = 0;
    if (read_uint(util, "gpu", 100, &u, uwhere, err, errlen) < 0) return -1;
    g->util_gpu = (unsigned)u;
    u = 0;
    if (read_uint(util, "memory", 100, &u, uwhere, err, errlen) < 0) return -1;
    g->util_mem = (unsigned)u;
  }
  u = 35;
  if (read_uint(v, "temperatureC", 200, &u, where, err, errlen) < 0) return -1;
  g->temperature_c = (unsigned)u;
  const json_value *power = json_get(v, "powerW");
  g->power_mw = 60000;
  if (power) {
    if (power->kind != JSON_NUMBER || power->number < 0 || power->number > 4000) {
      snprintf(err, errlen, "%s.powerW must be a number of watts from 0 to 4000", where);
      return -1;
    }
    g->power_mw = (unsigned)(power->number * 1000.0 + 0.5);
  }
  g->memory_used_mib = -1;
  u = 0;
  int has_used = read_uint(v, "memoryUsedMiB", g->model->memory_mib, &u, where, err, errlen);
  if (has_used < 0) return -1;
  if (has_used) g->memory_used_mib = (long long)u;
  u = 0;
  if (read_uint(v, "memoryReservedMiB", g->model->memory_mib, &u, where, err, errlen) < 0) return -1;
  g->memory_reserved_mib = u;

  const json_value *procs = json_get(v, "processes");
  if (procs) {
    if (procs->kind != JSON_ARRAY || procs->count > STANDIN_MAX_PROCS) {
      snprintf(err, errlen, "%s.processes must be a list of at most %d processes", where, STANDIN_MAX_PROCS);
      return -1;
    }
    for (size_t i = 0; i < procs->count; i++) {
      char pwhere[64];
      snprintf(pwhere, sizeof pwhere, "%s.processes[%zu]", where, i);
      const json_value *p = &procs->items[i];
      standin_process *out = &g->procs[g->n_procs++];
      if (p->kind != JSON_OBJECT || !json_get(p, "pid")) {
        snprintf(err, errlen, "%s must be an object with at least \"pid\"", pwhere);
        return -1;
      }
      if (check_fields(p, process_fields, pwhere, err, errlen) != 0) return -1;
      u = 0;
      if (read_uint(p, "pid", 0xFFFFFFFFu, &u, pwhere, err, errlen) < 0) return -1;
      out->pid = (unsigned)u;
      u = 0;
      if (read_uint(p, "usedMemoryMiB", g->model->memory_mib, &u, pwhere, err, errlen) < 0) return -1;
      out->used_mib = u;
      if (read_mig_ids(p, &out->gi, &out->ci, pwhere, err, errlen) != 0) return -1;
    }
  }

  const json_value *xids = json_get(v, "xids");
  if (xids) {
    if (xids->kind != JSON_ARRAY || xids->count > STANDIN_MAX_XIDS) {
      snprintf(err, errlen, "%s.xids must be a list of at most %d Xid events", where, STANDIN_MAX_XIDS);
      return -1;
    }
    for (size_t i = 0; i < xids->count; i++) {
      char xwhere[64];
      snprintf(xwhere, sizeof xwhere, "%s.xids[%zu]", where, i);
      const json_value *x = &xids->items[i];
      standin_xid *out = &g->xids[g->n_xids++];
      out->gi = out->ci = STANDIN_NOT_MIG;
      if (x->kind == JSON_NUMBER && x->number >= 0 && x->number == (double)(long long)x->number) {
        out->xid = (unsigned long long)x->number;
        continue;
      }
      if (x->kind != JSON_OBJECT || !json_get(x, "xid")) {
        snprintf(err, errlen, "%s must be an Xid number or {\"xid\": N, \"gpuInstanceId\": G}", xwhere);
        return -1;
      }
      if (check_fields(x, xid_fields, xwhere, err, errlen) != 0) return -1;
      if (read_uint(x, "xid", 0xFFFFFFFFu, &out->xid, xwhere, err, errlen) < 0) return -1;
      if (read_mig_ids(x, &out->gi, &out->ci, xwhere, err, errlen) != 0) return -1;
    }
  }
  return 0;
}

static int parse_fleet(standin_fleet *fleet, const json_value *root, char *err, size_t errlen) {
  memset(fleet, 0, sizeof *fleet);
  strcpy(fleet->driver_version, "580.65.06");
  strcpy(fleet->nvml_version, "13.580.65.06");
  fleet->cuda_driver_version = 13000;
  if (root->kind != JSON_OBJECT) {
    snprintf(err, errlen, "the fleet must be an object like {\"gpus\": [{\"model\": \"H100-SXM5-80GB\"}]}");
    return -1;
  }
  if (check_fields(root, top_fields, "fleet", err, errlen) != 0) return -1;
  if (read_string(root, "driverVersion", fleet->driver_version, sizeof fleet->driver_version, "fleet", err,
                  errlen) < 0 ||
      read_string(root, "nvmlVersion", fleet->nvml_version, sizeof fleet->nvml_version, "fleet", err, errlen) < 0)
    return -1;
  unsigned long long cuda = (unsigned long long)fleet->cuda_driver_version;
  if (read_uint(root, "cudaDriverVersion", 99999, &cuda, "fleet", err, errlen) < 0) return -1;
  fleet->cuda_driver_version = (int)cuda;
  const json_value *gpus = json_get(root, "gpus");
  if (!gpus || gpus->kind != JSON_ARRAY || gpus->count > STANDIN_MAX_GPUS) {
    snprintf(err, errlen, "fleet.gpus must be a list of at most %d GPUs", STANDIN_MAX_GPUS);
    return -1;
  }
  for (size_t i = 0; i < gpus->count; i++) {
    if (parse_gpu(&fleet->gpus[i], (int)i, &gpus->items[i], err, errlen) != 0) return -1;
    fleet->n_gpus++;
  }
  for (int i = 0; i < fleet->n_gpus; i++) {
    for (int p = 0; p < fleet->gpus[i].n_peers; p++) {
      if (fleet->gpus[i].peers[p] >= fleet->n_gpus) {
        snprintf(err, errlen, "gpus[%d].nvlinkPeers[%d] = %d but the fleet has %d GPUs", i, p,
                 fleet->gpus[i].peers[p], fleet->n_gpus);
        return -1;
      }
    }
    for (int j = 0; j < i; j++) {
      if (strcmp(fleet->gpus[i].uuid, fleet->gpus[j].uuid) == 0 ||
          strcmp(fleet->gpus[i].bus_id, fleet->gpus[j].bus_id) == 0) {
        snprintf(err, errlen, "gpus[%d] and gpus[%d] have the same uuid or pciBusId", j, i);
        return -1;
      }
    }
  }
  return 0;
}

int fleet_load(standin_fleet *fleet, const char *path, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "cannot open fleet file %s", path);
    return -1;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || st.st_size > 16 * 1024 * 1024) {
    fclose(f);
    snprintf(err, errlen, "fleet file %s is unreadable or larger than 16 MiB", path);
    return -1;
  }
  char *text = malloc((size_t)st.st_size + 1);
  size_t n = text ? fread(text, 1, (size_t)st.st_size, f) : 0;
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
    snprintf(err, errlen, "fleet file %s is not valid JSON: %s", path, perr);
    return -1;
  }
  char verr[512];
  int rc = parse_fleet(fleet, root, verr, sizeof verr);
  json_free(root);
  if (rc != 0) {
    snprintf(err, errlen, "fleet file %s: %s", path, verr);
    return -1;
  }
  /* fleet_refresh passes current_path itself; copying a buffer onto itself with snprintf is undefined. */
  if (path != current_path) snprintf(current_path, sizeof current_path, "%s", path);
  standin_fleet_generation++;
  current_mtime = st.st_mtim;
  current_size = st.st_size;
  return 0;
}

const char *fleet_path(void) { return current_path; }

/* Tests change telemetry, processes and Xids while a process runs by rewriting the fleet file; a file that no
 * longer parses keeps the previous fleet (with one message on stderr), so a half-written file is harmless. */
int fleet_refresh(void) {
  struct stat st;
  if (stat(current_path, &st) != 0) return 0;
  if (st.st_mtim.tv_sec == current_mtime.tv_sec && st.st_mtim.tv_nsec == current_mtime.tv_nsec &&
      st.st_size == current_size)
    return 0;
  static standin_fleet next;
  char err[768];
  if (fleet_load(&next, current_path, err, sizeof err) != 0) {
    fprintf(stderr, "tessera nvml stand-in: keeping the previous fleet: %s\n", err);
    current_mtime = st.st_mtim;
    current_size = st.st_size;
    return -1;
  }
  standin_current_fleet = next;
  return 1;
}

unsigned long long standin_hash(const char *text, unsigned long long seed) {
  unsigned long long h = 1469598103934665603ULL ^ (seed * 1099511628211ULL);
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    h ^= *p;
    h *= 1099511628211ULL;
  }
  return h;
}

/* splitmix64's finalizer: FNV of similar seeds differs in few bits, ids should not look alike. */
static unsigned long long mix(unsigned long long x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

void standin_format_uuid(char *out, size_t len, const char *prefix, const char *seed_text) {
  unsigned long long a = mix(standin_hash(seed_text, 1)), b = mix(standin_hash(seed_text, 2));
  snprintf(out, len, "%s%08llx-%04llx-%04llx-%04llx-%012llx", prefix, a >> 32, (a >> 16) & 0xFFFF, a & 0xFFFF,
           b >> 48, b & 0xFFFFFFFFFFFFULL);
}
