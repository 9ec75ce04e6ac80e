#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| nrm_fuzz::check_bytes(data));
