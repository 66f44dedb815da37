// Compiled by the layering tests (CMakeLists.txt): with the include root of
// a stage above pipeline/ it compiles; with that of a stage below, the
// include must not be found.
#include "pipeline/scan.h"
