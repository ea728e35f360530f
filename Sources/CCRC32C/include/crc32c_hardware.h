#ifndef UNMN_CRC32C_HARDWARE_H
#define UNMN_CRC32C_HARDWARE_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor computes CRC-32C itself (x86-64 with SSE 4.2).
int unmn_crc32c_hardware_available(void);

/// Continues a CRC-32C over `count` bytes. `crc` is the running value as the software loop keeps
/// it (the seed inverted); so is the result. Call only when the hardware is available.
uint32_t unmn_crc32c_hardware_update(uint32_t crc, const void *bytes, size_t count);

#endif
