/* For tests/windows.rs only, never shipped: Debian's wine 8 lacks bcryptprimitives.dll, which
 * every Windows 10 and 11 has and Rust's standard library imports for ProcessPrng. This stand-in
 * answers ProcessPrng with RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
