/* Shared types of the stand-in NVML library: catalog tables, the fleet (read-only input) and the state file. */
#ifndef STANDIN_H
#define STANDIN_H

#include <stddef.h>

#define STANDIN_MAX_GPUS 64
#define STANDIN_MAX_GI 15 /* GPU-instance ids 0..14 per GPU */
#define STANDIN_MAX_CI 8  /* compute-instance ids 0..7 per GPU instance */
#define STANDIN_MAX_PROCS 64
#define STANDIN_MAX_XIDS 256
#define STANDIN_MAX_PEERS 36
#define STANDIN_NOT_MIG 0xFFFFFFFFu

typedef struct {
  const char *name;
  unsigned id, index, compute_slices, memory_slices;
  unsigned long long memory_mib;
  unsigned max_instances, n_starts;
  unsigned starts[8];
  unsigned sm, ce, dec, jpeg, ofa;
} standin_gi_profile;

typedef struct {
  const char *id, *name;
  unsigned pci_device_id;
  int cc_major, cc_minor;
  unsigned architecture;
  unsigned long long memory_mib;
  unsigned sm_count, nvlink_links;
  int mig_capable;
  unsigned compute_slices, memory_slices, n_profiles;
  const standin_gi_profile *profiles;
} standin_model;

extern const standin_model standin_models[];
extern const unsigned standin_model_count;

typedef struct {
  unsigned pid;
  unsigned long long used_mib;
  unsigned gi, ci; /* STANDIN_NOT_MIG when the process runs on the whole GPU */
} standin_process;

typedef struct {
  unsigned long long xid;
  unsigned gi, ci;
} standin_xid;

typedef struct {
  const standin_model *model;
  int mig_initial;
  char uuid[96], serial[32], bus_id[32];
  unsigned domain, bus, device;
  int numa_node, pci_switch;
  int n_peers;
  int peers[STANDIN_MAX_PEERS];
  unsigned util_gpu, util_mem, temperature_c, power_mw;
  long long memory_used_mib; /* -1: sum of the processes' memory */
  unsigned long long memory_reserved_mib;
  int n_procs;
  standin_process procs[STANDIN_MAX_PROCS];
  int n_xids;
  standin_xid xids[STANDIN_MAX_XIDS];
} standin_gpu;

typedef struct {
  char driver_version[80], nvml_version[80];
  int cuda_driver_version;
  int n_gpus;
  standin_gpu gpus[STANDIN_MAX_GPUS];
} standin_fleet;

typedef struct {
  unsigned id, profile_id, start, size, compute_mode;
  char uuid[48];
} standin_ci;

typedef struct {
  int used;
  unsigned profile_id, start, size;
  standin_ci cis[STANDIN_MAX_CI];
  int ci_used[STANDIN_MAX_CI];
} standin_gi;

typedef struct {
  char uuid[96];
  int mig_mode;
  unsigned compute_mode;
  standin_gi gis[STANDIN_MAX_GI]; /* indexed by GPU-instance id */
} standin_gpu_state;

typedef struct {
  unsigned long long serial; /* feeds MIG UUIDs so a re-created instance gets a new one */
  int n_gpus;
  standin_gpu_state gpus[STANDIN_MAX_GPUS];
} standin_state;

/* fleet.c: loads TESSERA_NVML_STANDIN_FLEET; `fleet_refresh` re-reads it when it changed on disk. */
int fleet_load(standin_fleet *fleet, const char *path, char *err, size_t errlen);
int fleet_refresh(void);
const char *fleet_path(void);
extern standin_fleet standin_current_fleet;
/* Changes whenever the fleet is (re)loaded, so cached state derived from it is dropped. */
extern unsigned long standin_fleet_generation;

/* state.c: the state file, locked across processes; a missing file means the fleet's initial state. */
int state_open(const char *path, char *err, size_t errlen);
void state_close(void);
int state_lock(int exclusive);
void state_unlock(void);
/* `state` doubles as the cache: pass the same object every time; it is re-read only when the file or fleet changed. */
int state_load(standin_state *state, const standin_fleet *fleet, char *err, size_t errlen);
int state_save(const standin_state *state, char *err, size_t errlen);

/* FNV-1a, the stand-in's source of stable ids (UUIDs, serials). */
unsigned long long standin_hash(const char *text, unsigned long long seed);
void standin_format_uuid(char *out, size_t len, const char *prefix, const char *seed_text);

#endif
