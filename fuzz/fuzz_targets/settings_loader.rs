//! Feeds arbitrary text to the settings reader: it must return settings or an error, never
//! panic, and settings it accepts survive being written and read again.
#![no_main]

use knotmap::settings::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(settings) = Settings::from_text("fuzz.ron", text) {
        if !settings.is_newer() {
            let written = settings.to_text().expect("settings write");
            let again = Settings::from_text("again.ron", &written).expect("what knotmap writes, it reads");
            assert_eq!(again, settings);
        }
    }
});
