//! Everything the catalog knows about one subject (a region, muscle, technique, tool, piece of
//! background or complaint), gathered once for the region panel and for `knotmap show`.

use super::{Catalog, Caution, Hit, Muscle, Place, Region, Technique, Tool, Work};

/// The regions, muscles, techniques, tools and cautions that belong to one subject.
#[derive(Debug)]
pub struct Dossier<'a> {
    pub subject: Hit,
    pub regions: Vec<&'a Region>,
    pub muscles: Vec<&'a Muscle>,
    pub techniques: Vec<&'a Technique>,
    pub tools: Vec<&'a Tool>,
    pub cautions: Vec<&'a Caution>,
}

fn push_unique<'a, T>(list: &mut Vec<&'a T>, item: &'a T) {
    if !list.iter().any(|seen| std::ptr::eq(*seen, item)) {
        list.push(item);
    }
}

impl<'a> Dossier<'a> {
    /// Gathers the dossier of a hit.
    pub fn new(catalog: &'a Catalog, subject: Hit) -> Dossier<'a> {
        let mut d = Dossier {
            subject,
            regions: Vec::new(),
            muscles: Vec::new(),
            techniques: Vec::new(),
            tools: Vec::new(),
            cautions: Vec::new(),
        };
        match subject {
            Hit::Region(Place { region: i, .. }) => {
                let region = &catalog.regions[i];
                d.regions.push(region);
                for id in &region.muscles {
                    if let Some(m) = catalog.muscle(id) {
                        push_unique(&mut d.muscles, m);
                    }
                }
                for t in catalog.techniques_for_region(region) {
                    push_unique(&mut d.techniques, t);
                }
            }
            Hit::Muscle(i) => {
                let muscle = &catalog.muscles[i];
                d.muscles.push(muscle);
                for r in catalog.regions_of_muscle(&muscle.id) {
                    push_unique(&mut d.regions, r);
                }
                for t in catalog.techniques_for_muscle(&muscle.id) {
                    push_unique(&mut d.techniques, t);
                }
            }
            Hit::Technique(i) => {
                let technique = &catalog.techniques[i];
                d.techniques.push(technique);
                d.add_muscles_and_regions_of_techniques(catalog);
            }
            Hit::Basic(i) => {
                for id in &catalog.basics[i].muscles {
                    if let Some(m) = catalog.muscle(id) {
                        push_unique(&mut d.muscles, m);
                        for r in catalog.regions_of_muscle(id) {
                            push_unique(&mut d.regions, r);
                        }
                    }
                }
            }
            Hit::Complaint(i) => {
                // The places to work, and the techniques and tools of the ready routine.
                let complaint = &catalog.complaints[i];
                for r in complaint.work.iter().filter_map(|id| catalog.region(id)) {
                    push_unique(&mut d.regions, r);
                }
                for step in &complaint.routine {
                    if let Some(t) = catalog.technique(&step.technique) {
                        push_unique(&mut d.techniques, t);
                    }
                    if let Some(tool) = catalog.tool(&step.tool) {
                        push_unique(&mut d.tools, tool);
                    }
                }
            }
            Hit::Tool(i) => {
                let tool = &catalog.tools[i];
                for t in catalog.techniques_with_tool(&tool.id) {
                    push_unique(&mut d.techniques, t);
                }
                d.add_muscles_and_regions_of_techniques(catalog);
                d.tools.push(tool);
            }
        }
        if !matches!(subject, Hit::Tool(_) | Hit::Basic(_) | Hit::Complaint(_)) {
            for technique in d.techniques.clone() {
                for id in &technique.tools {
                    if let Some(tool) = catalog.tool(id) {
                        push_unique(&mut d.tools, tool);
                    }
                }
            }
        }
        if matches!(subject, Hit::Basic(_)) {
            return d;
        }
        d.cautions = catalog.cautions_for(&d.work());
        d
    }

    fn add_muscles_and_regions_of_techniques(&mut self, catalog: &'a Catalog) {
        for technique in self.techniques.clone() {
            for id in &technique.muscles {
                if let Some(m) = catalog.muscle(id) {
                    push_unique(&mut self.muscles, m);
                }
            }
            for r in catalog.regions_of_technique(technique) {
                push_unique(&mut self.regions, r);
            }
        }
    }

    /// The subject as work a caution may speak to: any of its tools on any of its places.
    fn work(&self) -> Work<'a> {
        Work {
            regions: self.regions.iter().map(|r| &r.id).collect(),
            muscles: self.muscles.iter().map(|m| &m.id).collect(),
            techniques: self.techniques.iter().map(|t| &t.id).collect(),
            tools: self.tools.iter().map(|t| &t.id).collect(),
            pairs: Vec::new(),
        }
    }
}
