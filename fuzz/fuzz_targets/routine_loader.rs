//! Feeds arbitrary bytes to the routine loader: it must return a routine or an error, never
//! panic, and whatever it accepts must survive a round trip.
#![no_main]

use knotmap::routine::Routine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(loaded) = Routine::from_bytes("fuzz.ron", bytes) {
        if loaded.read_only.is_none() {
            let text = loaded.routine.to_ron();
            let again = Routine::from_ron("again.ron", &text).expect("what knotmap writes, it reads");
            assert_eq!(again.routine, loaded.routine);
        }
    }
});
