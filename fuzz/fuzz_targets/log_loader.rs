//! Feeds arbitrary text to the tightness log's reader: it must return a log or an error,
//! never panic; every rating it accepts is from 0 to 10, and what it accepts in its own format
//! survives being written and read again.
#![no_main]

use knotmap::tightness::{Log, MAX_TIGHTNESS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(log) = Log::from_text("fuzz.ron", text) {
        assert!(
            log.entries
                .iter()
                .flat_map(|e| &e.ratings)
                .all(|r| r.tightness <= MAX_TIGHTNESS)
        );
        if log.read_only.is_none() {
            let config = ron::ser::PrettyConfig::new();
            let written = ron::ser::to_string_pretty(&log, config).expect("a log writes");
            let again = Log::from_text("again.ron", &written).expect("what knotmap writes, it reads");
            assert_eq!(again, log);
        }
    }
});
