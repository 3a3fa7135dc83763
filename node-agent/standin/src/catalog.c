/* The GPU/MIG tables, generated from proto/catalog/gpu-models.json at build time (see StandinBuild.ts). */
#include "standin.h"
#include "catalog.h"
