/* The exported NVML entry points of the stand-in (fact sheet sections 4-6). Every call runs under one process-wide
 * mutex and an flock on the state file; mutating calls load, change and save the state under an exclusive lock. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __linux__
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>
#endif

#include "standin.h"

#define EXPORT __attribute__((visibility("default")))

typedef int nvmlReturn_t;
enum {
  OK = 0,
  UNINITIALIZED = 1,
  INVALID_ARGUMENT = 2,
  NOT_SUPPORTED = 3,
  NOT_FOUND = 6,
  INSUFFICIENT_SIZE = 7,
  DRIVER_NOT_LOADED = 9,
  TIMEOUT = 10,
  IN_USE = 19,
  INSUFFICIENT_RESOURCES = 23,
  UNKNOWN = 999
};

/* ---- struct layouts (fact sheet section 5; sizes asserted below) ---- */
typedef struct { unsigned long long total, free, used; } nvml_memory_v1;
typedef struct { unsigned version; unsigned long long total, reserved, free, used; } nvml_memory_v2;
typedef struct {
  char busIdLegacy[16];
  unsigned domain, bus, device, pciDeviceId, pciSubSystemId;
  char busId[32];
} nvml_pci_info;
typedef struct { unsigned gpu, memory; } nvml_utilization;
typedef struct {
  unsigned pid;
  unsigned long long usedGpuMemory;
  unsigned gpuInstanceId, computeInstanceId;
} nvml_process_info;
typedef struct {
  unsigned id, isP2pSupported, sliceCount, instanceCount, multiprocessorCount, copyEngineCount, decoderCount,
      encoderCount, jpegCount, ofaCount;
  unsigned long long memorySizeMB;
} nvml_gi_profile_v1;
typedef struct {
  unsigned version, id, isP2pSupported, sliceCount, instanceCount, multiprocessorCount, copyEngineCount,
      decoderCount, encoderCount, jpegCount, ofaCount;
  unsigned long long memorySizeMB;
  char name[96];
} nvml_gi_profile_v2;
typedef struct {
  unsigned version, id, sliceCount, instanceCount, multiprocessorCount, copyEngineCount, decoderCount, encoderCount,
      jpegCount, ofaCount;
  unsigned long long memorySizeMB;
  char name[96];
  unsigned capabilities;
} nvml_gi_profile_v3;
typedef struct { unsigned start, size; } nvml_placement;
typedef struct {
  void *device;
  unsigned id, profileId;
  nvml_placement placement;
} nvml_gi_info;
typedef struct {
  unsigned id, sliceCount, instanceCount, multiprocessorCount, sharedCopyEngineCount, sharedDecoderCount,
      sharedEncoderCount, sharedJpegCount, sharedOfaCount;
} nvml_ci_profile_v1;
typedef struct {
  unsigned version, id, sliceCount, instanceCount, multiprocessorCount, sharedCopyEngineCount, sharedDecoderCount,
      sharedEncoderCount, sharedJpegCount, sharedOfaCount;
  char name[96];
  unsigned capabilities; /* v3 only */
} nvml_ci_profile_v23;
typedef struct {
  void *device, *gpuInstance;
  unsigned id, profileId;
  nvml_placement placement;
} nvml_ci_info;
typedef struct {
  void *device;
  unsigned long long eventType, eventData;
  unsigned gpuInstanceId, computeInstanceId;
} nvml_event_data;
typedef struct { unsigned version, sensorType; int temperature; } nvml_temperature;

_Static_assert(sizeof(nvml_memory_v1) == 24, "nvmlMemory_t");
_Static_assert(sizeof(nvml_memory_v2) == 40, "nvmlMemory_v2_t");
_Static_assert(sizeof(nvml_pci_info) == 68, "nvmlPciInfo_t");
_Static_assert(sizeof(nvml_process_info) == 24, "nvmlProcessInfo_t");
_Static_assert(sizeof(nvml_gi_profile_v1) == 48, "nvmlGpuInstanceProfileInfo_t");
_Static_assert(sizeof(nvml_gi_profile_v2) == 152, "nvmlGpuInstanceProfileInfo_v2_t");
_Static_assert(sizeof(nvml_gi_profile_v3) == 152, "nvmlGpuInstanceProfileInfo_v3_t");
_Static_assert(sizeof(nvml_gi_info) == 24, "nvmlGpuInstanceInfo_t");
_Static_assert(sizeof(nvml_ci_profile_v1) == 36, "nvmlComputeInstanceProfileInfo_t");
_Static_assert(sizeof(nvml_ci_profile_v23) == 140, "nvmlComputeInstanceProfileInfo_v3_t");
_Static_assert(sizeof(nvml_ci_info) == 32, "nvmlComputeInstanceInfo_t");
_Static_assert(sizeof(nvml_event_data) == 32, "nvmlEventData_t");
_Static_assert(sizeof(nvml_temperature) == 12, "nvmlTemperature_t");

#define GI_PROFILE_V2 0x02000098u
#define GI_PROFILE_V3 0x03000098u
#define CI_PROFILE_V2 0x02000088u
#define CI_PROFILE_V3 0x0300008Cu
#define MEMORY_V2 0x02000028u
#define TEMPERATURE_V1 0x0100000Cu
#define GI_PROFILE_COUNT 0x12u
#define CI_PROFILE_COUNT 0x9u
#define NVLINK_MAX_LINKS 36u
#define EVENT_XID 0x8ULL

/* ---- handles: fixed addresses, so a handle stays the same for the same GPU / instance ---- */
typedef struct { int tag; } standin_handle;
static standin_handle gpu_handles[STANDIN_MAX_GPUS];
static standin_handle mig_handles[STANDIN_MAX_GPUS][STANDIN_MAX_GI][STANDIN_MAX_CI];
static standin_handle gi_handles[STANDIN_MAX_GPUS][STANDIN_MAX_GI];
static standin_handle ci_handles[STANDIN_MAX_GPUS][STANDIN_MAX_GI][STANDIN_MAX_CI];

#define FLEET standin_current_fleet
static pthread_mutex_t api_mutex = PTHREAD_MUTEX_INITIALIZER;
static int init_count;
static standin_state state;
static char last_error[1024];

static void remember_error(const char *message) {
  snprintf(last_error, sizeof last_error, "%s", message);
  fprintf(stderr, "tessera nvml stand-in: %s\n", message);
}

/* Offset of `p` inside `base[0..count)`, or -1 when `p` is not one of its elements. */
static long element_of(const void *p, const void *base, size_t count) {
  uintptr_t a = (uintptr_t)p, b = (uintptr_t)base;
  if (a < b || a >= b + count * sizeof(standin_handle) || (a - b) % sizeof(standin_handle)) return -1;
  return (long)((a - b) / sizeof(standin_handle));
}

static nvmlReturn_t enter(int exclusive) {
  pthread_mutex_lock(&api_mutex);
  if (!init_count) {
    pthread_mutex_unlock(&api_mutex);
    return UNINITIALIZED;
  }
  fleet_refresh();
  char err[600];
  if (state_lock(exclusive) != 0) {
    pthread_mutex_unlock(&api_mutex);
    return UNKNOWN;
  }
  if (state_load(&state, &FLEET, err, sizeof err) != 0) {
    remember_error(err);
    state_unlock();
    pthread_mutex_unlock(&api_mutex);
    return UNKNOWN;
  }
  return OK;
}

static nvmlReturn_t leave(nvmlReturn_t rc, int save) {
  if (save && rc == OK) {
    char err[600];
    if (state_save(&state, err, sizeof err) != 0) {
      remember_error(err);
      rc = UNKNOWN;
    }
  }
  state_unlock();
  pthread_mutex_unlock(&api_mutex);
  return rc;
}

#define ENTER(exclusive)                        \
  do {                                          \
    nvmlReturn_t entered_ = enter(exclusive);   \
    if (entered_ != OK) return entered_;        \
  } while (0)

/* ---- catalog lookups ---- */
static const standin_gi_profile *profile_by_id(const standin_model *m, unsigned id) {
  for (unsigned i = 0; i < m->n_profiles; i++)
    if (m->profiles[i].id == id) return &m->profiles[i];
  return NULL;
}

static const standin_gi_profile *profile_by_index(const standin_model *m, unsigned index) {
  for (unsigned i = 0; i < m->n_profiles; i++)
    if (m->profiles[i].index == index) return &m->profiles[i];
  return NULL;
}

/* Compute-instance profile index -> compute slices (fact sheet 3.6); 0 = not a size NVML knows here. */
static unsigned ci_slices_of_index(unsigned index) {
  static const unsigned slices[] = {1, 2, 3, 4, 7, 8, 6, 0, 0};
  return index < CI_PROFILE_COUNT ? slices[index] : 0;
}

static int ci_size_fits(unsigned c, unsigned g) { return c > 0 && c <= g && !(c < g && 2 * c > g + 1); }

/* ---- resolved handles ---- */
typedef struct {
  int gpu;
  int is_mig;
  unsigned gi, ci;
  const standin_gpu *g;
  standin_gpu_state *s;
  const standin_gi_profile *gi_profile; /* MIG handles only */
} device_ref;

static nvmlReturn_t resolve_device(const void *h, device_ref *r) {
  memset(r, 0, sizeof *r);
  long off = element_of(h, gpu_handles, STANDIN_MAX_GPUS);
  if (off >= 0) {
    if (off >= FLEET.n_gpus) return INVALID_ARGUMENT;
    r->gpu = (int)off;
  } else {
    off = element_of(h, mig_handles, (size_t)STANDIN_MAX_GPUS * STANDIN_MAX_GI * STANDIN_MAX_CI);
    if (off < 0) return INVALID_ARGUMENT;
    r->gpu = (int)(off / (STANDIN_MAX_GI * STANDIN_MAX_CI));
    r->gi = (unsigned)(off / STANDIN_MAX_CI) % STANDIN_MAX_GI;
    r->ci = (unsigned)off % STANDIN_MAX_CI;
    r->is_mig = 1;
    if (r->gpu >= FLEET.n_gpus) return INVALID_ARGUMENT;
  }
  r->g = &FLEET.gpus[r->gpu];
  r->s = &state.gpus[r->gpu];
  if (r->is_mig) {
    const standin_gi *gi = &r->s->gis[r->gi];
    if (!r->s->mig_mode || !gi->used || !gi->ci_used[r->ci]) return INVALID_ARGUMENT;
    r->gi_profile = profile_by_id(r->g->model, gi->profile_id);
  }
  return OK;
}

static nvmlReturn_t resolve_physical(const void *h, device_ref *r) {
  nvmlReturn_t rc = resolve_device(h, r);
  if (rc == OK && r->is_mig) return NOT_SUPPORTED;
  return rc;
}

/* A physical GPU on which MIG calls make sense. */
static nvmlReturn_t resolve_mig_gpu(const void *h, device_ref *r, int need_enabled) {
  nvmlReturn_t rc = resolve_device(h, r);
  if (rc != OK) return rc;
  if (r->is_mig) return INVALID_ARGUMENT;
  if (!r->g->model->mig_capable || (need_enabled && !r->s->mig_mode)) return NOT_SUPPORTED;
  return OK;
}

typedef struct {
  int gpu;
  unsigned gi;
  const standin_gpu *g;
  standin_gpu_state *s;
  standin_gi *inst;
  const standin_gi_profile *profile;
} gi_ref;

static nvmlReturn_t resolve_gi(const void *h, gi_ref *r) {
  long off = element_of(h, gi_handles, (size_t)STANDIN_MAX_GPUS * STANDIN_MAX_GI);
  if (off < 0) return INVALID_ARGUMENT;
  r->gpu = (int)(off / STANDIN_MAX_GI);
  r->gi = (unsigned)off % STANDIN_MAX_GI;
  if (r->gpu >= FLEET.n_gpus) return INVALID_ARGUMENT;
  r->g = &FLEET.gpus[r->gpu];
  r->s = &state.gpus[r->gpu];
  r->inst = &r->s->gis[r->gi];
  if (!r->s->mig_mode || !r->inst->used) return INVALID_ARGUMENT;
  r->profile = profile_by_id(r->g->model, r->inst->profile_id);
  return r->profile ? OK : INVALID_ARGUMENT;
}

static nvmlReturn_t resolve_ci(const void *h, gi_ref *r, unsigned *ci) {
  long off = element_of(h, ci_handles, (size_t)STANDIN_MAX_GPUS * STANDIN_MAX_GI * STANDIN_MAX_CI);
  if (off < 0) return INVALID_ARGUMENT;
  *ci = (unsigned)off % STANDIN_MAX_CI;
  nvmlReturn_t rc = resolve_gi(&gi_handles[0][0] + off / STANDIN_MAX_CI, r);
  if (rc != OK) return rc;
  return r->inst->ci_used[*ci] ? OK : INVALID_ARGUMENT;
}

static nvmlReturn_t put_string(char *buf, unsigned len, const char *value) {
  if (!buf) return INVALID_ARGUMENT;
  if (strlen(value) + 1 > len) return INSUFFICIENT_SIZE;
  memcpy(buf, value, strlen(value) + 1);
  return OK;
}

static int process_on(const standin_process *p, const device_ref *r) {
  return !r->is_mig || (p->gi == r->gi && p->ci == r->ci);
}

static int processes_on_instance(const standin_gpu *g, unsigned gi, int ci /* -1: any */) {
  int n = 0;
  for (int i = 0; i < g->n_procs; i++)
    if (g->procs[i].gi == gi && (ci < 0 || g->procs[i].ci == (unsigned)ci)) n++;
  return n;
}

/* ================= 4.1 library / system ================= */
EXPORT nvmlReturn_t nvmlInitWithFlags(unsigned flags) {
  (void)flags;
  pthread_mutex_lock(&api_mutex);
  if (init_count > 0) {
    init_count++;
    pthread_mutex_unlock(&api_mutex);
    return OK;
  }
  char err[900];
  const char *fleet = getenv("TESSERA_NVML_STANDIN_FLEET");
  if (!fleet || !*fleet) {
    remember_error("TESSERA_NVML_STANDIN_FLEET is not set: point it at a fleet JSON file such as "
                   "{\"gpus\": [{\"model\": \"H100-SXM5-80GB\", \"mig\": true}]}");
    pthread_mutex_unlock(&api_mutex);
    return DRIVER_NOT_LOADED;
  }
  if (fleet_load(&FLEET, fleet, err, sizeof err) != 0) {
    remember_error(err);
    pthread_mutex_unlock(&api_mutex);
    return UNKNOWN;
  }
  const char *state_env = getenv("TESSERA_NVML_STANDIN_STATE");
  char state_file[4200];
  if (state_env && *state_env) snprintf(state_file, sizeof state_file, "%s", state_env);
  else snprintf(state_file, sizeof state_file, "%s.state", fleet);
  if (state_open(state_file, err, sizeof err) != 0) {
    remember_error(err);
    pthread_mutex_unlock(&api_mutex);
    return UNKNOWN;
  }
  init_count = 1;
  last_error[0] = '\0';
  pthread_mutex_unlock(&api_mutex);
  return OK;
}

EXPORT nvmlReturn_t nvmlInit_v2(void) { return nvmlInitWithFlags(0); }

EXPORT nvmlReturn_t nvmlShutdown(void) {
  pthread_mutex_lock(&api_mutex);
  if (init_count > 0 && --init_count == 0) state_close();
  pthread_mutex_unlock(&api_mutex);
  return OK;
}

/* Not part of NVML: the message behind the last UNKNOWN / DRIVER_NOT_LOADED, for the binding's error text. */
EXPORT const char *tesseraStandinLastError(void) { return last_error; }

EXPORT const char *nvmlErrorString(nvmlReturn_t result) {
  switch (result) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 4: return "Insufficient Permissions";
    case 5: return "Already Initialized";
    case 6: return "Not Found";
    case 7: return "Insufficient Size";
    case 8: return "Insufficient External Power";
    case 9: return "Driver Not Loaded";
    case 10: return "Timeout";
    case 11: return "Interrupt request issue";
    case 12: return "NVML Shared Library Not Found";
    case 13: return "Function Not Found";
    case 14: return "Corrupted infoROM";
    case 15: return "GPU is lost";
    case 16: return "GPU requires restart";
    case 17: return "The operating system has blocked the request";
    case 18: return "RM has detected an NVML/RM version mismatch";
    case 19: return "In use by another client";
    case 20: return "Insufficient Memory";
    case 21: return "No data";
    case 22: return "The requested vgpu operation is not available on target device, because ECC is enabled";
    case 23: return "Insufficient Resources";
    case 24: return "Frequency not supported";
    case 25: return "Argument version mismatch";
    case 26: return "Deprecated";
    case 27: return "Not ready";
    case 28: return "GPU not found";
    case 29: return "Invalid state";
    case 30: return "Reset type not supported";
    default: return "Unknown Error";
  }
}

EXPORT nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned length) {
  ENTER(0);
  return leave(put_string(version, length, FLEET.driver_version), 0);
}

EXPORT nvmlReturn_t nvmlSystemGetNVMLVersion(char *version, unsigned length) {
  ENTER(0);
  return leave(put_string(version, length, FLEET.nvml_version), 0);
}

EXPORT nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *version) {
  ENTER(0);
  if (!version) return leave(INVALID_ARGUMENT, 0);
  *version = FLEET.cuda_driver_version;
  return leave(OK, 0);
}

EXPORT nvmlReturn_t nvmlSystemGetCudaDriverVersion(int *version) { return nvmlSystemGetCudaDriverVersion_v2(version); }

/* ================= 4.2 discovery and identity ================= */
EXPORT nvmlReturn_t nvmlDeviceGetCount_v2(unsigned *count) {
  ENTER(0);
  if (!count) return leave(INVALID_ARGUMENT, 0);
  *count = (unsigned)FLEET.n_gpus;
  return leave(OK, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned index, void **device) {
  ENTER(0);
  if (!device || index >= (unsigned)FLEET.n_gpus) return leave(INVALID_ARGUMENT, 0);
  *device = &gpu_handles[index];
  return leave(OK, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetHandleByUUID(const char *uuid, void **device) {
  ENTER(0);
  if (!uuid || !device) return leave(INVALID_ARGUMENT, 0);
  for (int i = 0; i < FLEET.n_gpus; i++) {
    if (strcmp(FLEET.gpus[i].uuid, uuid) == 0) {
      *device = &gpu_handles[i];
      return leave(OK, 0);
    }
    if (!state.gpus[i].mig_mode) continue;
    for (unsigned g = 0; g < STANDIN_MAX_GI; g++)
      for (unsigned c = 0; c < STANDIN_MAX_CI; c++)
        if (state.gpus[i].gis[g].used && state.gpus[i].gis[g].ci_used[c] &&
            strcmp(state.gpus[i].gis[g].cis[c].uuid, uuid) == 0) {
          *device = &mig_handles[i][g][c];
          return leave(OK, 0);
        }
  }
  return leave(NOT_FOUND, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetHandleByPciBusId_v2(const char *bus_id, void **device) {
  ENTER(0);
  unsigned domain, bus, dev, function;
  if (!bus_id || !device || sscanf(bus_id, "%x:%x:%x.%x", &domain, &bus, &dev, &function) != 4)
    return leave(INVALID_ARGUMENT, 0);
  for (int i = 0; i < FLEET.n_gpus; i++) {
    const standin_gpu *g = &FLEET.gpus[i];
    if (g->domain == domain && g->bus == bus && g->device == dev && function == 0) {
      *device = &gpu_handles[i];
      return leave(OK, 0);
    }
  }
  return leave(NOT_FOUND, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetIndex(void *device, unsigned *index) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !index) rc = INVALID_ARGUMENT;
  if (rc == OK) *index = (unsigned)r.gpu;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetUUID(void *device, char *uuid, unsigned length) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK) rc = put_string(uuid, length, r.is_mig ? r.s->gis[r.gi].cis[r.ci].uuid : r.g->uuid);
  return leave(rc, 0);
}

static void mig_profile_name(char *out, size_t len, const standin_gi_profile *gip, unsigned ci_slices) {
  if (ci_slices == gip->compute_slices) snprintf(out, len, "%s", gip->name);
  else snprintf(out, len, "%uc.%s", ci_slices, gip->name);
}

EXPORT nvmlReturn_t nvmlDeviceGetName(void *device, char *name, unsigned length) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && r.is_mig) {
    char profile[64], full[160];
    mig_profile_name(profile, sizeof profile, r.gi_profile, r.s->gis[r.gi].cis[r.ci].size);
    snprintf(full, sizeof full, "%s MIG %s", r.g->model->name, profile);
    rc = put_string(name, length, full);
  } else if (rc == OK) {
    rc = put_string(name, length, r.g->model->name);
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetSerial(void *device, char *serial, unsigned length) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK) rc = put_string(serial, length, r.g->serial);
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetMinorNumber(void *device, unsigned *minor) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !minor) rc = INVALID_ARGUMENT;
  if (rc == OK) *minor = (unsigned)r.gpu;
  return leave(rc, 0);
}

static void fill_pci(nvml_pci_info *pci, const standin_gpu *g, int with_subsystem) {
  memset(pci, 0, sizeof *pci);
  snprintf(pci->busIdLegacy, sizeof pci->busIdLegacy, "%04X:%02X:%02X.0", g->domain & 0xFFFF, g->bus, g->device);
  snprintf(pci->busId, sizeof pci->busId, "%s", g->bus_id);
  pci->domain = g->domain;
  pci->bus = g->bus;
  pci->device = g->device;
  pci->pciDeviceId = g->model->pci_device_id;
  pci->pciSubSystemId = with_subsystem ? (g->model->pci_device_id & 0xFFFF0000u) | 0x10DEu : 0;
}

EXPORT nvmlReturn_t nvmlDeviceGetPciInfo_v3(void *device, nvml_pci_info *pci) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !pci) rc = INVALID_ARGUMENT;
  if (rc == OK) fill_pci(pci, r.g, 1);
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetCudaComputeCapability(void *device, int *major, int *minor) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && (!major || !minor)) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    *major = r.g->model->cc_major;
    *minor = r.g->model->cc_minor;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetArchitecture(void *device, unsigned *arch) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !arch) rc = INVALID_ARGUMENT;
  if (rc == OK) *arch = r.g->model->architecture;
  return leave(rc, 0);
}

/* ================= 4.3 telemetry ================= */
typedef struct { unsigned long long total, reserved, used; } memory_mib;

static memory_mib device_memory(const device_ref *r) {
  memory_mib m = {0, 0, 0};
  unsigned long long procs = 0;
  for (int i = 0; i < r->g->n_procs; i++)
    if (process_on(&r->g->procs[i], r)) procs += r->g->procs[i].used_mib;
  if (r->is_mig) {
    m.total = r->gi_profile->memory_mib;
    m.used = procs;
  } else {
    m.total = r->g->model->memory_mib;
    m.reserved = r->g->memory_reserved_mib;
    m.used = r->g->memory_used_mib >= 0 ? (unsigned long long)r->g->memory_used_mib : procs;
  }
  if (m.reserved > m.total) m.reserved = m.total;
  if (m.used > m.total - m.reserved) m.used = m.total - m.reserved;
  return m;
}

#define MIB 1048576ULL

EXPORT nvmlReturn_t nvmlDeviceGetMemoryInfo(void *device, nvml_memory_v1 *memory) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !memory) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    memory_mib m = device_memory(&r);
    memory->total = m.total * MIB;
    memory->used = (m.reserved + m.used) * MIB;
    memory->free = memory->total - memory->used;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(void *device, nvml_memory_v2 *memory) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !memory) rc = INVALID_ARGUMENT;
  if (rc == OK && memory->version != MEMORY_V2) rc = 25; /* ARGUMENT_VERSION_MISMATCH */
  if (rc == OK) {
    memory_mib m = device_memory(&r);
    memory->total = m.total * MIB;
    memory->reserved = m.reserved * MIB;
    memory->used = m.used * MIB;
    memory->free = memory->total - memory->reserved - memory->used;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetUtilizationRates(void *device, nvml_utilization *util) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !util) rc = INVALID_ARGUMENT;
  if (rc == OK && r.s->mig_mode) rc = NOT_SUPPORTED;
  if (rc == OK) {
    util->gpu = r.g->util_gpu;
    util->memory = r.g->util_mem;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(void *device, unsigned *count, nvml_process_info *infos) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !count) rc = INVALID_ARGUMENT;
  if (rc != OK) return leave(rc, 0);
  unsigned n = 0;
  for (int i = 0; i < r.g->n_procs; i++) n += process_on(&r.g->procs[i], &r) ? 1u : 0u;
  if (*count < n || (n > 0 && !infos)) {
    *count = n;
    return leave(INSUFFICIENT_SIZE, 0);
  }
  unsigned w = 0;
  for (int i = 0; i < r.g->n_procs; i++) {
    const standin_process *p = &r.g->procs[i];
    if (!process_on(p, &r)) continue;
    infos[w].pid = p->pid;
    infos[w].usedGpuMemory = p->used_mib * MIB;
    int mig = r.s->mig_mode && p->gi != STANDIN_NOT_MIG;
    infos[w].gpuInstanceId = mig ? p->gi : STANDIN_NOT_MIG;
    infos[w].computeInstanceId = mig ? p->ci : STANDIN_NOT_MIG;
    w++;
  }
  *count = w;
  return leave(OK, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetTemperature(void *device, unsigned sensor, unsigned *temp) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && (!temp || sensor != 0)) rc = INVALID_ARGUMENT;
  if (rc == OK) *temp = r.g->temperature_c;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetTemperatureV(void *device, nvml_temperature *temp) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && (!temp || temp->sensorType != 0)) rc = INVALID_ARGUMENT;
  if (rc == OK && temp->version != TEMPERATURE_V1) rc = 25;
  if (rc == OK) temp->temperature = (int)r.g->temperature_c;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetPowerUsage(void *device, unsigned *power) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !power) rc = INVALID_ARGUMENT;
  if (rc == OK) *power = r.g->power_mw;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetComputeMode(void *device, unsigned *mode) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !mode) rc = INVALID_ARGUMENT;
  if (rc == OK && !r.is_mig && r.s->mig_mode) rc = NOT_SUPPORTED; /* set per MIG device when MIG is on */
  if (rc == OK) *mode = r.is_mig ? r.s->gis[r.gi].cis[r.ci].compute_mode : r.s->compute_mode;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceSetComputeMode(void *device, unsigned mode) {
  ENTER(1);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && (mode >= 4)) rc = INVALID_ARGUMENT;
  if (rc == OK && mode == 1) rc = NOT_SUPPORTED; /* EXCLUSIVE_THREAD is gone from current drivers */
  if (rc == OK && !r.is_mig && r.s->mig_mode) rc = NOT_SUPPORTED;
  if (rc == OK) {
    if (r.is_mig) r.s->gis[r.gi].cis[r.ci].compute_mode = mode;
    else r.s->compute_mode = mode;
  }
  return leave(rc, 1);
}

/* ================= 4.4 MIG ================= */
EXPORT nvmlReturn_t nvmlDeviceGetMigMode(void *device, unsigned *current, unsigned *pending) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 0);
  if (rc == OK && (!current || !pending)) rc = INVALID_ARGUMENT;
  if (rc == OK) *current = *pending = (unsigned)r.s->mig_mode;
  return leave(rc, 0);
}

static int gi_count(const standin_gpu_state *s) {
  int n = 0;
  for (unsigned g = 0; g < STANDIN_MAX_GI; g++) n += s->gis[g].used;
  return n;
}

EXPORT nvmlReturn_t nvmlDeviceSetMigMode(void *device, unsigned mode, nvmlReturn_t *activation) {
  ENTER(1);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 0);
  if (rc == OK && (mode > 1 || !activation)) rc = INVALID_ARGUMENT;
  if (rc == OK && (int)mode != r.s->mig_mode) {
    /* The GPU must be idle: no processes, and no instances left when turning MIG off. */
    if (r.g->n_procs > 0 || (mode == 0 && gi_count(r.s) > 0)) rc = IN_USE;
    else r.s->mig_mode = (int)mode;
  }
  if (activation) *activation = rc;
  return leave(rc, 1);
}

static void fill_gi_profile_v1(nvml_gi_profile_v1 *out, const standin_gi_profile *p) {
  memset(out, 0, sizeof *out);
  out->id = p->id;
  out->sliceCount = p->compute_slices;
  out->instanceCount = p->max_instances;
  out->multiprocessorCount = p->sm;
  out->copyEngineCount = p->ce;
  out->decoderCount = p->dec;
  out->jpegCount = p->jpeg;
  out->ofaCount = p->ofa;
  out->memorySizeMB = p->memory_mib;
}

static nvmlReturn_t fill_gi_profile_v(void *info, const standin_gi_profile *p) {
  unsigned version = *(unsigned *)info;
  nvml_gi_profile_v1 v1;
  fill_gi_profile_v1(&v1, p);
  if (version == GI_PROFILE_V2) {
    nvml_gi_profile_v2 *o = info;
    memset(o, 0, sizeof *o);
    o->version = version;
    o->id = v1.id;
    o->sliceCount = v1.sliceCount;
    o->instanceCount = v1.instanceCount;
    o->multiprocessorCount = v1.multiprocessorCount;
    o->copyEngineCount = v1.copyEngineCount;
    o->decoderCount = v1.decoderCount;
    o->jpegCount = v1.jpegCount;
    o->ofaCount = v1.ofaCount;
    o->memorySizeMB = v1.memorySizeMB;
    snprintf(o->name, sizeof o->name, "MIG %s", p->name);
    return OK;
  }
  if (version == GI_PROFILE_V3) {
    nvml_gi_profile_v3 *o = info;
    memset(o, 0, sizeof *o);
    o->version = version;
    o->id = v1.id;
    o->sliceCount = v1.sliceCount;
    o->instanceCount = v1.instanceCount;
    o->multiprocessorCount = v1.multiprocessorCount;
    o->copyEngineCount = v1.copyEngineCount;
    o->decoderCount = v1.decoderCount;
    o->jpegCount = v1.jpegCount;
    o->ofaCount = v1.ofaCount;
    o->memorySizeMB = v1.memorySizeMB;
    snprintf(o->name, sizeof o->name, "MIG %s", p->name);
    return OK;
  }
  return INVALID_ARGUMENT;
}

// Profile info answers with MIG mode off too, as the real driver does (seen on an H200, driver 580.159.04).
static nvmlReturn_t gi_profile_by_index(void *device, unsigned index, const standin_gi_profile **p) {
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 0);
  if (rc != OK) return rc;
  if (index >= GI_PROFILE_COUNT) return INVALID_ARGUMENT;
  *p = profile_by_index(r.g->model, index);
  return *p ? OK : NOT_SUPPORTED;
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfo(void *device, unsigned index, nvml_gi_profile_v1 *info) {
  ENTER(0);
  const standin_gi_profile *p = NULL;
  nvmlReturn_t rc = gi_profile_by_index(device, index, &p);
  if (rc == OK && !info) rc = INVALID_ARGUMENT;
  if (rc == OK) fill_gi_profile_v1(info, p);
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfoV(void *device, unsigned index, void *info) {
  ENTER(0);
  const standin_gi_profile *p = NULL;
  nvmlReturn_t rc = gi_profile_by_index(device, index, &p);
  if (rc == OK && !info) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = fill_gi_profile_v(info, p);
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfoByIdV(void *device, unsigned id, void *info) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 0);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !info)) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = fill_gi_profile_v(info, p);
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstancePossiblePlacements_v2(void *device, unsigned id, nvml_placement *out,
                                                                   unsigned *count) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 0);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !count)) rc = INVALID_ARGUMENT;
  if (rc != OK) return leave(rc, 0);
  if (!out) {
    *count = p->n_starts;
    return leave(OK, 0);
  }
  if (*count < p->n_starts) {
    *count = p->n_starts;
    return leave(INSUFFICIENT_SIZE, 0);
  }
  for (unsigned i = 0; i < p->n_starts; i++) {
    out[i].start = p->starts[i];
    out[i].size = p->memory_slices;
  }
  *count = p->n_starts;
  return leave(OK, 0);
}

/* Why a GPU instance of profile `p` cannot start at `start` now (OK when it can). */
static nvmlReturn_t gi_placement_check(const standin_model *m, const standin_gpu_state *s,
                                       const standin_gi_profile *p, unsigned start) {
  int allowed = 0;
  for (unsigned i = 0; i < p->n_starts; i++) allowed |= p->starts[i] == start;
  if (!allowed) return INVALID_ARGUMENT;
  unsigned same = 0, compute = 0;
  for (unsigned g = 0; g < STANDIN_MAX_GI; g++) {
    const standin_gi *gi = &s->gis[g];
    if (!gi->used) continue;
    const standin_gi_profile *q = profile_by_id(m, gi->profile_id);
    same += gi->profile_id == p->id;
    compute += q ? q->compute_slices : 0;
    if (start < gi->start + gi->size && gi->start < start + p->memory_slices) return INSUFFICIENT_RESOURCES;
  }
  if (same >= p->max_instances || compute + p->compute_slices > m->compute_slices) return INSUFFICIENT_RESOURCES;
  return OK;
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceRemainingCapacity(void *device, unsigned id, unsigned *count) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !count)) rc = INVALID_ARGUMENT;
  if (rc != OK) return leave(rc, 0);
  /* Greedy from the lowest start is exact here: a profile's placements are aligned to its size. */
  standin_gpu_state trial = *r.s;
  unsigned n = 0;
  for (unsigned i = 0; i < p->n_starts; i++) {
    if (gi_placement_check(r.g->model, &trial, p, p->starts[i]) != OK) continue;
    for (unsigned g = 0; g < STANDIN_MAX_GI; g++) {
      if (trial.gis[g].used) continue;
      trial.gis[g].used = 1;
      trial.gis[g].profile_id = p->id;
      trial.gis[g].start = p->starts[i];
      trial.gis[g].size = p->memory_slices;
      break;
    }
    n++;
  }
  *count = n;
  return leave(OK, 0);
}

/* Observed driver ids: whole GPU 0, halves 1-2, quarters 3-6, eighths 7-14 (fact sheet 6.2). */
static int allocate_gi_id(const standin_model *m, const standin_gpu_state *s, const standin_gi_profile *p) {
  unsigned lo = 1, hi = STANDIN_MAX_GI - 1;
  unsigned share = m->memory_slices / p->memory_slices;
  if (share <= 1) lo = hi = 0;
  else if (share == 2) lo = 1, hi = 2;
  else if (share == 4) lo = 3, hi = 6;
  else if (share == 8) lo = 7, hi = 14;
  for (unsigned id = lo; id <= hi; id++)
    if (!s->gis[id].used) return (int)id;
  for (unsigned id = 1; id < STANDIN_MAX_GI; id++)
    if (!s->gis[id].used) return (int)id;
  return s->gis[0].used ? -1 : 0;
}

static nvmlReturn_t create_gi(device_ref *r, const standin_gi_profile *p, unsigned start, void **out) {
  nvmlReturn_t rc = gi_placement_check(r->g->model, r->s, p, start);
  if (rc != OK) return rc;
  int id = allocate_gi_id(r->g->model, r->s, p);
  if (id < 0) return INSUFFICIENT_RESOURCES;
  standin_gi *gi = &r->s->gis[id];
  memset(gi, 0, sizeof *gi);
  gi->used = 1;
  gi->profile_id = p->id;
  gi->start = start;
  gi->size = p->memory_slices;
  *out = &gi_handles[r->gpu][id];
  return OK;
}

EXPORT nvmlReturn_t nvmlDeviceCreateGpuInstance(void *device, unsigned id, void **gpu_instance) {
  ENTER(1);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !gpu_instance)) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    /* The stand-in's default placement: the highest free start (fact sheet section 8). */
    rc = INSUFFICIENT_RESOURCES;
    for (unsigned i = p->n_starts; i-- > 0 && rc != OK;)
      if (gi_placement_check(r.g->model, r.s, p, p->starts[i]) == OK) rc = create_gi(&r, p, p->starts[i], gpu_instance);
  }
  return leave(rc, 1);
}

EXPORT nvmlReturn_t nvmlDeviceCreateGpuInstanceWithPlacement(void *device, unsigned id,
                                                              const nvml_placement *placement, void **gpu_instance) {
  ENTER(1);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !placement || !gpu_instance || placement->size != p->memory_slices)) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = create_gi(&r, p, placement->start, gpu_instance);
  return leave(rc, 1);
}

EXPORT nvmlReturn_t nvmlGpuInstanceDestroy(void *gpu_instance) {
  ENTER(1);
  gi_ref r;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK) {
    int cis = 0;
    for (unsigned c = 0; c < STANDIN_MAX_CI; c++) cis += r.inst->ci_used[c];
    if (cis > 0 || processes_on_instance(r.g, r.gi, -1) > 0) rc = IN_USE;
    else memset(r.inst, 0, sizeof *r.inst);
  }
  return leave(rc, 1);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstances(void *device, unsigned id, void **instances, unsigned *count) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  const standin_gi_profile *p = rc == OK ? profile_by_id(r.g->model, id) : NULL;
  if (rc == OK && (!p || !count || !instances)) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    unsigned n = 0;
    for (unsigned g = 0; g < STANDIN_MAX_GI; g++)
      if (r.s->gis[g].used && r.s->gis[g].profile_id == id) instances[n++] = &gi_handles[r.gpu][g];
    *count = n;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceById(void *device, unsigned id, void **gpu_instance) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  if (rc == OK && (!gpu_instance || id >= STANDIN_MAX_GI)) rc = INVALID_ARGUMENT;
  if (rc == OK && !r.s->gis[id].used) rc = NOT_FOUND;
  if (rc == OK) *gpu_instance = &gi_handles[r.gpu][id];
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetInfo(void *gpu_instance, nvml_gi_info *info) {
  ENTER(0);
  gi_ref r;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && !info) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    info->device = &gpu_handles[r.gpu];
    info->id = r.gi;
    info->profileId = r.inst->profile_id;
    info->placement.start = r.inst->start;
    info->placement.size = r.inst->size;
  }
  return leave(rc, 0);
}

static nvmlReturn_t ci_profile(const gi_ref *r, unsigned index, unsigned eng, nvml_ci_profile_v23 *out) {
  if (index >= CI_PROFILE_COUNT || eng >= 1) return INVALID_ARGUMENT;
  unsigned c = ci_slices_of_index(index), g = r->profile->compute_slices;
  if (!ci_size_fits(c, g)) return NOT_SUPPORTED;
  memset(out, 0, sizeof *out);
  out->id = index; /* compute-instance profile ids equal their indices */
  out->sliceCount = c;
  out->instanceCount = g / c;
  out->multiprocessorCount = r->profile->sm * c / g;
  out->sharedCopyEngineCount = r->profile->ce;
  out->sharedDecoderCount = r->profile->dec;
  out->sharedJpegCount = r->profile->jpeg;
  out->sharedOfaCount = r->profile->ofa;
  char name[64];
  mig_profile_name(name, sizeof name, r->profile, c);
  snprintf(out->name, sizeof out->name, "MIG %s", name);
  return OK;
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstanceProfileInfo(void *gpu_instance, unsigned index, unsigned eng,
                                                                   nvml_ci_profile_v1 *info) {
  ENTER(0);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && !info) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile(&r, index, eng, &p);
  if (rc == OK) {
    info->id = p.id;
    info->sliceCount = p.sliceCount;
    info->instanceCount = p.instanceCount;
    info->multiprocessorCount = p.multiprocessorCount;
    info->sharedCopyEngineCount = p.sharedCopyEngineCount;
    info->sharedDecoderCount = p.sharedDecoderCount;
    info->sharedEncoderCount = 0;
    info->sharedJpegCount = p.sharedJpegCount;
    info->sharedOfaCount = p.sharedOfaCount;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstanceProfileInfoV(void *gpu_instance, unsigned index, unsigned eng,
                                                                    nvml_ci_profile_v23 *info) {
  ENTER(0);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && (!info || (info->version != CI_PROFILE_V2 && info->version != CI_PROFILE_V3))) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile(&r, index, eng, &p);
  if (rc == OK) {
    p.version = info->version;
    /* a v2 struct is 136 bytes: it has no room for `capabilities` */
    memcpy(info, &p, info->version == CI_PROFILE_V2 ? 136 : sizeof p);
  }
  return leave(rc, 0);
}

/* CI placements inside a GI: aligned to the next power of two of their size (fact sheet 7.8). */
static unsigned ci_alignment(unsigned c) {
  unsigned a = 1;
  while (a < c) a <<= 1;
  return a;
}

static nvmlReturn_t ci_profile_by_id(const gi_ref *r, unsigned id, nvml_ci_profile_v23 *p) {
  nvmlReturn_t rc = ci_profile(r, id, 0, p);
  return rc == NOT_SUPPORTED ? INVALID_ARGUMENT : rc;
}

static nvmlReturn_t ci_placement_check(const gi_ref *r, const nvml_ci_profile_v23 *p, unsigned start) {
  if (start % ci_alignment(p->sliceCount) != 0 || start + p->sliceCount > r->profile->compute_slices)
    return INVALID_ARGUMENT;
  unsigned same = 0;
  for (unsigned c = 0; c < STANDIN_MAX_CI; c++) {
    if (!r->inst->ci_used[c]) continue;
    const standin_ci *ci = &r->inst->cis[c];
    same += ci->profile_id == p->id;
    if (start < ci->start + ci->size && ci->start < start + p->sliceCount) return INSUFFICIENT_RESOURCES;
  }
  return same >= p->instanceCount ? INSUFFICIENT_RESOURCES : OK;
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstanceRemainingCapacity(void *gpu_instance, unsigned id,
                                                                         unsigned *count) {
  ENTER(0);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && !count) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile_by_id(&r, id, &p);
  if (rc == OK) {
    standin_gi saved = *r.inst;
    unsigned n = 0;
    for (unsigned s = 0; s + p.sliceCount <= r.profile->compute_slices; s += ci_alignment(p.sliceCount)) {
      if (ci_placement_check(&r, &p, s) != OK) continue;
      for (unsigned c = 0; c < STANDIN_MAX_CI; c++) {
        if (r.inst->ci_used[c]) continue;
        r.inst->ci_used[c] = 1;
        r.inst->cis[c].profile_id = p.id;
        r.inst->cis[c].start = s;
        r.inst->cis[c].size = p.sliceCount;
        break;
      }
      n++;
    }
    *r.inst = saved;
    *count = n;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstancePossiblePlacements(void *gpu_instance, unsigned id,
                                                                          nvml_placement *out, unsigned *count) {
  ENTER(0);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && !count) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile_by_id(&r, id, &p);
  if (rc != OK) return leave(rc, 0);
  unsigned n = 0, step = ci_alignment(p.sliceCount);
  for (unsigned s = 0; s + p.sliceCount <= r.profile->compute_slices; s += step) n++;
  if (out && *count < n) rc = INSUFFICIENT_SIZE;
  else if (out) {
    unsigned i = 0;
    for (unsigned s = 0; s + p.sliceCount <= r.profile->compute_slices; s += step, i++) {
      out[i].start = s;
      out[i].size = p.sliceCount;
    }
  }
  *count = n;
  return leave(rc, 0);
}

static nvmlReturn_t create_ci(gi_ref *r, const nvml_ci_profile_v23 *p, unsigned start, void **out) {
  nvmlReturn_t rc = ci_placement_check(r, p, start);
  if (rc != OK) return rc;
  for (unsigned c = 0; c < STANDIN_MAX_CI; c++) {
    if (r->inst->ci_used[c]) continue;
    standin_ci *ci = &r->inst->cis[c];
    memset(ci, 0, sizeof *ci);
    r->inst->ci_used[c] = 1;
    ci->id = c;
    ci->profile_id = p->id;
    ci->start = start;
    ci->size = p->sliceCount;
    char seed[160];
    snprintf(seed, sizeof seed, "mig/%s/%llu", r->g->uuid, ++state.serial);
    standin_format_uuid(ci->uuid, sizeof ci->uuid, "MIG-", seed);
    *out = &ci_handles[r->gpu][r->gi][c];
    return OK;
  }
  return INSUFFICIENT_RESOURCES;
}

EXPORT nvmlReturn_t nvmlGpuInstanceCreateComputeInstance(void *gpu_instance, unsigned id, void **compute_instance) {
  ENTER(1);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && !compute_instance) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile_by_id(&r, id, &p);
  if (rc == OK) {
    rc = INSUFFICIENT_RESOURCES;
    for (unsigned s = 0; s + p.sliceCount <= r.profile->compute_slices && rc != OK; s += ci_alignment(p.sliceCount))
      if (ci_placement_check(&r, &p, s) == OK) rc = create_ci(&r, &p, s, compute_instance);
  }
  return leave(rc, 1);
}

EXPORT nvmlReturn_t nvmlGpuInstanceCreateComputeInstanceWithPlacement(void *gpu_instance, unsigned id,
                                                                        const nvml_placement *placement,
                                                                        void **compute_instance) {
  ENTER(1);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && (!compute_instance || !placement)) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile_by_id(&r, id, &p);
  if (rc == OK && placement->size != p.sliceCount) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = create_ci(&r, &p, placement->start, compute_instance);
  return leave(rc, 1);
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstances(void *gpu_instance, unsigned id, void **instances,
                                                        unsigned *count) {
  ENTER(0);
  gi_ref r;
  nvml_ci_profile_v23 p;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && (!instances || !count)) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = ci_profile_by_id(&r, id, &p);
  if (rc == OK) {
    unsigned n = 0;
    for (unsigned c = 0; c < STANDIN_MAX_CI; c++)
      if (r.inst->ci_used[c] && r.inst->cis[c].profile_id == id) instances[n++] = &ci_handles[r.gpu][r.gi][c];
    *count = n;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlGpuInstanceGetComputeInstanceById(void *gpu_instance, unsigned id, void **compute_instance) {
  ENTER(0);
  gi_ref r;
  nvmlReturn_t rc = resolve_gi(gpu_instance, &r);
  if (rc == OK && (!compute_instance || id >= STANDIN_MAX_CI)) rc = INVALID_ARGUMENT;
  if (rc == OK && !r.inst->ci_used[id]) rc = NOT_FOUND;
  if (rc == OK) *compute_instance = &ci_handles[r.gpu][r.gi][id];
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlComputeInstanceGetInfo_v2(void *compute_instance, nvml_ci_info *info) {
  ENTER(0);
  gi_ref r;
  unsigned c = 0;
  nvmlReturn_t rc = resolve_ci(compute_instance, &r, &c);
  if (rc == OK && !info) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    info->device = &gpu_handles[r.gpu];
    info->gpuInstance = &gi_handles[r.gpu][r.gi];
    info->id = c;
    info->profileId = r.inst->cis[c].profile_id;
    info->placement.start = r.inst->cis[c].start;
    info->placement.size = r.inst->cis[c].size;
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlComputeInstanceDestroy(void *compute_instance) {
  ENTER(1);
  gi_ref r;
  unsigned c = 0;
  nvmlReturn_t rc = resolve_ci(compute_instance, &r, &c);
  if (rc == OK && processes_on_instance(r.g, r.gi, (int)c) > 0) rc = IN_USE;
  if (rc == OK) {
    r.inst->ci_used[c] = 0;
    memset(&r.inst->cis[c], 0, sizeof r.inst->cis[c]);
  }
  return leave(rc, 1);
}

/* ================= 4.5 MIG device handles ================= */
EXPORT nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(void *device, unsigned *count) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !count) rc = INVALID_ARGUMENT;
  if (rc == OK) *count = r.g->model->mig_capable && r.s->mig_mode ? r.g->model->compute_slices : 0;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(void *device, unsigned index, void **mig_device) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_mig_gpu(device, &r, 1);
  if (rc == OK && (!mig_device || index >= r.g->model->compute_slices)) rc = INVALID_ARGUMENT;
  if (rc != OK) return leave(rc, 0);
  /* MIG devices are numbered by ascending GPU-instance id, then compute-instance id, as nvidia-smi does. */
  unsigned n = 0;
  for (unsigned g = 0; g < STANDIN_MAX_GI; g++)
    for (unsigned c = 0; c < STANDIN_MAX_CI; c++)
      if (r.s->gis[g].used && r.s->gis[g].ci_used[c] && n++ == index) {
        *mig_device = &mig_handles[r.gpu][g][c];
        return leave(OK, 0);
      }
  return leave(NOT_FOUND, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetDeviceHandleFromMigDeviceHandle(void *mig_device, void **device) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(mig_device, &r);
  if (rc == OK && (!device || !r.is_mig)) rc = INVALID_ARGUMENT;
  if (rc == OK) *device = &gpu_handles[r.gpu];
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceIsMigDeviceHandle(void *device, unsigned *is_mig) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !is_mig) rc = INVALID_ARGUMENT;
  if (rc == OK) *is_mig = (unsigned)r.is_mig;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetGpuInstanceId(void *device, unsigned *id) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !id) rc = INVALID_ARGUMENT;
  if (rc == OK && !r.is_mig) rc = NOT_SUPPORTED;
  if (rc == OK) *id = r.gi;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetComputeInstanceId(void *device, unsigned *id) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_device(device, &r);
  if (rc == OK && !id) rc = INVALID_ARGUMENT;
  if (rc == OK && !r.is_mig) rc = NOT_SUPPORTED;
  if (rc == OK) *id = r.ci;
  return leave(rc, 0);
}

/* ================= 4.6 topology / NVLink ================= */
static nvmlReturn_t nvlink_check(const device_ref *r, unsigned link) {
  if (link >= NVLINK_MAX_LINKS) return INVALID_ARGUMENT;
  if (link >= r->g->model->nvlink_links) return NOT_SUPPORTED;
  return OK;
}

EXPORT nvmlReturn_t nvmlDeviceGetNvLinkState(void *device, unsigned link, unsigned *active) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !active) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = nvlink_check(&r, link);
  if (rc == OK) *active = link < (unsigned)r.g->n_peers;
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetNvLinkRemotePciInfo_v2(void *device, unsigned link, nvml_pci_info *pci) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !pci) rc = INVALID_ARGUMENT;
  if (rc == OK) rc = nvlink_check(&r, link);
  if (rc == OK && link >= (unsigned)r.g->n_peers) rc = NOT_SUPPORTED; /* inactive link */
  if (rc == OK) fill_pci(pci, &FLEET.gpus[r.g->peers[link]], 0);
  return leave(rc, 0);
}

static int nvlinked(const standin_gpu *a, int b) {
  for (int i = 0; i < a->n_peers; i++)
    if (a->peers[i] == b) return 1;
  return 0;
}

EXPORT nvmlReturn_t nvmlDeviceGetTopologyCommonAncestor(void *d1, void *d2, unsigned *level) {
  ENTER(0);
  device_ref a, b;
  nvmlReturn_t rc = resolve_physical(d1, &a);
  if (rc == OK) rc = resolve_physical(d2, &b);
  if (rc == OK && !level) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    if (a.gpu == b.gpu) *level = 0;                                             /* INTERNAL */
    else if (a.g->pci_switch >= 0 && a.g->pci_switch == b.g->pci_switch) *level = 10; /* SINGLE */
    else if (a.g->numa_node == b.g->numa_node) *level = 40;                      /* NODE */
    else *level = 50;                                                           /* SYSTEM */
  }
  return leave(rc, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetP2PStatus(void *d1, void *d2, unsigned caps, unsigned *status) {
  ENTER(0);
  device_ref a, b;
  nvmlReturn_t rc = resolve_physical(d1, &a);
  if (rc == OK) rc = resolve_physical(d2, &b);
  if (rc == OK && (!status || caps > 5)) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    int link = nvlinked(a.g, b.gpu) || nvlinked(b.g, a.gpu);
    int same_switch = a.g->pci_switch >= 0 && a.g->pci_switch == b.g->pci_switch;
    if (caps == 2) *status = link ? 0 : 5;            /* NVLINK: OK or NOT_SUPPORTED */
    else if (caps == 5) *status = 6;                  /* UNKNOWN index */
    else if (link || same_switch) *status = 0;        /* OK */
    else if (a.g->numa_node == b.g->numa_node) *status = caps == 3 ? 5 : 0; /* no PCIe atomics across bridges */
    else *status = 1;                                 /* CHIPSET_NOT_SUPPORTED */
  }
  return leave(rc, 0);
}

/* ================= 4.7 events ================= */
typedef struct {
  unsigned long long mask[STANDIN_MAX_GPUS];
  int delivered[STANDIN_MAX_GPUS];
} standin_event_set;

#define MAX_EVENT_SETS 64
static standin_event_set *event_sets[MAX_EVENT_SETS];

static standin_event_set *find_set(void *set) {
  for (int i = 0; i < MAX_EVENT_SETS; i++)
    if (set && event_sets[i] == set) return event_sets[i];
  return NULL;
}

EXPORT nvmlReturn_t nvmlEventSetCreate(void **set) {
  ENTER(0);
  if (!set) return leave(INVALID_ARGUMENT, 0);
  for (int i = 0; i < MAX_EVENT_SETS; i++) {
    if (event_sets[i]) continue;
    event_sets[i] = calloc(1, sizeof(standin_event_set));
    if (!event_sets[i]) return leave(20, 0); /* MEMORY */
    *set = event_sets[i];
    return leave(OK, 0);
  }
  return leave(20, 0);
}

EXPORT nvmlReturn_t nvmlEventSetFree(void *set) {
  ENTER(0);
  for (int i = 0; i < MAX_EVENT_SETS; i++) {
    if (!set || event_sets[i] != set) continue;
    free(event_sets[i]);
    event_sets[i] = NULL;
    return leave(OK, 0);
  }
  return leave(INVALID_ARGUMENT, 0);
}

EXPORT nvmlReturn_t nvmlDeviceGetSupportedEventTypes(void *device, unsigned long long *types) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  if (rc == OK && !types) rc = INVALID_ARGUMENT;
  if (rc == OK) *types = EVENT_XID;
  return leave(rc, 0);
}

/* Xid events are those listed in the fleet file; each event set delivers every entry once, in order, including
 * entries appended to the file later. */
EXPORT nvmlReturn_t nvmlDeviceRegisterEvents(void *device, unsigned long long types, void *set) {
  ENTER(0);
  device_ref r;
  nvmlReturn_t rc = resolve_physical(device, &r);
  standin_event_set *s = find_set(set);
  if (rc == OK && !s) rc = INVALID_ARGUMENT;
  if (rc == OK) {
    s->mask[r.gpu] |= types & EVENT_XID;
    if (types & ~EVENT_XID) rc = NOT_SUPPORTED;
  }
  return leave(rc, 0);
}

static int next_event(standin_event_set *s, nvml_event_data *data) {
  for (int i = 0; i < FLEET.n_gpus; i++) {
    const standin_gpu *g = &FLEET.gpus[i];
    if (s->delivered[i] > g->n_xids) s->delivered[i] = g->n_xids;
    if (!(s->mask[i] & EVENT_XID) || s->delivered[i] >= g->n_xids) continue;
    const standin_xid *x = &g->xids[s->delivered[i]++];
    data->device = &gpu_handles[i];
    data->eventType = EVENT_XID;
    data->eventData = x->xid;
    data->gpuInstanceId = x->gi;
    data->computeInstanceId = x->ci;
    return 1;
  }
  return 0;
}

/* The driver blocks in nvmlEventSetWait until an event arrives or the timeout passes. The stand-in's events arrive
 * as rewrites of the fleet file, so it sleeps on an inotify watch of that file's folder (completed writes and
 * renames); without inotify it looks every 10 ms. Each wait also reads the file first, so nothing waits longer
 * than one timeout even if a change is missed. */
static int watch_fleet_folder(void) {
#ifdef __linux__
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", fleet_path());
  char *slash = strrchr(dir, '/');
  if (slash == dir) slash[1] = 0;
  else if (slash) *slash = 0;
  else snprintf(dir, sizeof dir, ".");
  int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) return -1;
  if (inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
    close(fd);
    return -1;
  }
  return fd;
#else
  return -1;
#endif
}

/* Sleeps up to `ms`: until the fleet folder changes when watched, else at most 10 ms. */
static void nap(int watch, long long ms) {
#ifdef __linux__
  if (watch >= 0) {
    struct pollfd p = {watch, POLLIN, 0};
    if (poll(&p, 1, (int)ms) > 0) {
      char events[4096];
      while (read(watch, events, sizeof events) > 0) {
      }
    }
    return;
  }
#endif
  if (ms > 10) ms = 10;
  struct timespec pause = {0, ms * 1000000L};
  nanosleep(&pause, NULL);
}

EXPORT nvmlReturn_t nvmlEventSetWait_v2(void *set, nvml_event_data *data, unsigned timeout_ms) {
  struct timespec start, now;
  clock_gettime(CLOCK_MONOTONIC, &start);
  /* Watched before the first look, so that a change between the look and the sleep still wakes it. */
  int watch = -1, watched = 0;
  nvmlReturn_t rc;
  for (;;) {
    pthread_mutex_lock(&api_mutex);
    if (!init_count) {
      pthread_mutex_unlock(&api_mutex);
      rc = UNINITIALIZED;
      break;
    }
    standin_event_set *s = find_set(set);
    if (!s || !data) {
      pthread_mutex_unlock(&api_mutex);
      rc = INVALID_ARGUMENT;
      break;
    }
    if (!watched && timeout_ms > 0) {
      watch = watch_fleet_folder();
      watched = 1;
    }
    fleet_refresh();
    int got = next_event(s, data);
    pthread_mutex_unlock(&api_mutex);
    if (got) {
      rc = OK;
      break;
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long elapsed = (now.tv_sec - start.tv_sec) * 1000LL + (now.tv_nsec - start.tv_nsec) / 1000000LL;
    if (elapsed >= timeout_ms) {
      rc = TIMEOUT;
      break;
    }
    nap(watch, timeout_ms - elapsed);
  }
#ifdef __linux__
  if (watch >= 0) close(watch);
#endif
  return rc;
}
