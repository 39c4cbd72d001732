#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

const std::vector<Term>& screening_questions() {
  static const std::vector<Term> k = {
      {"pain_now", "Where is your pain right now, and how bad is it from 0 to 10?"},
      {"red_flags", "Any unexplained weight loss, fevers, or pain that wakes you at night?"},
      {"bladder_bowel", "Any change in bladder or bowel control, or numbness in the saddle area?"},
      {"numbness_weakness", "Any numbness, pins and needles or weakness in your arms or legs?"},
      {"cancer_history", "Have you ever been treated for cancer?"},
      {"bone_health", "Have you been told you have thin bones, osteoporosis, or had a fracture?"},
      {"trauma", "Have you had a fall, an accident or any injury to your spine recently?"},
      {"surgery_history", "Have you had any operations, on your spine or anywhere else?"},
      {"implants", "Do you have any metal, screws, rods or other implants in your body?"},
      {"pregnancy", "Is there any chance you could be pregnant?"},
      {"cardiovascular", "Any heart problems, high blood pressure, or an aneurysm?"},
      {"breathing", "Any problems with your breathing or lying flat?"},
      {"claustrophobia", "Do you feel anxious in confined spaces or when you are strapped in?"},
      {"medications", "What medicines are you taking, including blood thinners or steroids?"},
      {"infection", "Have you been unwell recently, with a fever or an infection?"},
      {"inflammatory_arthritis", "Have you been diagnosed with an inflammatory arthritis?"},
      {"hernia", "Have you had a hernia?"},
      {"hypermobility", "Are your joints unusually flexible, or do they dislocate?"},
      {"jaw_problems", "Any problems with your jaw joint, clicking or pain on chewing?"},
      {"previous_traction", "Have you had traction or decompression treatment before?"},
  };
  return k;
}

const std::vector<Term>& contraindications() {
  static const std::vector<Term> k = {
      {"fracture", "fracture"},
      {"spinal_implant", "spinal implant or fusion hardware"},
      {"osteoporosis", "advanced osteoporosis"},
      {"tumour", "tumour"},
      {"spinal_infection", "spinal infection"},
      {"inflammatory_arthritis", "acute inflammatory arthritis"},
      {"cauda_equina", "severe nerve damage, myelopathy or cauda equina signs"},
      {"central_cord_compression", "central cord compression"},
      {"recent_surgery", "recent spinal surgery"},
      {"pregnancy", "pregnancy"},
      {"aortic_aneurysm", "aortic aneurysm"},
  };
  return k;
}

const std::vector<Term>& precautions() {
  static const std::vector<Term> k = {
      {"hypermobility", "hypermobility"},
      {"claustrophobia", "claustrophobia"},
      {"cardiorespiratory_insufficiency", "cardiac or respiratory insufficiency"},
      {"uncontrolled_hypertension", "uncontrolled hypertension"},
      {"hernia", "hernia"},
      {"tmj", "TMJ problems (cervical)"},
  };
  return k;
}

const std::vector<Term>& reactions() {
  static const std::vector<Term> k = {
      {"sharp_pain", "sharp radiating pain"},
      {"panic", "panic: the patient presses the stop switch or shouts to stop"},
      {"cough", "a cough during the pull"},
      {"shift", "the patient shifts on the table"},
      {"guarding", "paraspinal muscle guarding"},
      {"soreness", "mild, expected soreness"},
  };
  return k;
}

bool has_term(const std::vector<Term>& terms, const std::string& id) {
  for (const Term& t : terms)
    if (id == t.id) return true;
  return false;
}

std::string term_label(const std::vector<Term>& terms, const std::string& id) {
  for (const Term& t : terms)
    if (id == t.id) return t.label;
  return id;
}

std::string term_ids(const std::vector<Term>& terms) {
  std::string s;
  for (const Term& t : terms) s += (s.empty() ? "" : ", ") + std::string(t.id);
  return s;
}

}  // namespace tractus::scenarios
