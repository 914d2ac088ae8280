// Hash maps and sets keyed by std::string, searched with a std::string_view
// (a lookup never builds a temporary string), for the word lists and
// tables the understanding asks word by word.
//
// Open addressing: one flat array of hashes and one of entries, linear
// probing, at most half full; a cheap hash that reads a word eight bytes
// at a time. A lookup is one hash, usually one cache line of hashes and
// one string compare; std::unordered_map's node per entry and division
// per lookup cost about twice that, and most of a message's time is such
// lookups. The API is the part of std::unordered_map/set the engine uses;
// iteration order is unspecified, and inserting may move entries
// (references into the table hold until the next insertion).
#ifndef FAQBOT_INTENTS_STRING_MAP_H_
#define FAQBOT_INTENTS_STRING_MAP_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faqbot::intents {

// A fast hash of a short string (words, terms); never 0. Words are read
// with a few fixed-size loads (no byte loop, no memcpy call), then mixed
// by multiplication.
inline std::uint64_t HashWord(std::string_view s) {
  const auto load8 = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return static_cast<std::uint64_t>(v);
  };
  const auto mix = [](std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = (a ^ 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
    h ^= (b ^ 0x94D049BB133111EBull) * 0x2545F4914F6CDD1Dull;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
  };
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = n;
  if (n >= 8) {
    std::size_t i = 0;
    for (; i + 16 < n; i += 16) h = mix(h ^ load8(p + i), load8(p + i + 8));
    h = mix(h ^ load8(p + n - 16 + (n < 16 ? 16 - n : 0)), load8(p + n - 8));
  } else if (n >= 4) {
    h = mix(h ^ load4(p), load4(p + n - 4));
  } else if (n > 0) {
    const auto byte = [p](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
    };
    h = mix(h ^ (byte(0) << 16 | byte(n >> 1) << 8 | byte(n - 1)), 0);
  }
  return h | 1;  // 0 marks an empty slot
}

template <typename V>
class StringMap {
 public:
  using value_type = std::pair<std::string, V>;

  template <typename Entry, typename Map>
  class Iter {
   public:
    Iter(Map* map, std::size_t at) : map_(map), at_(at) { Skip(); }
    Entry& operator*() const { return map_->entries_[at_]; }
    Entry* operator->() const { return &map_->entries_[at_]; }
    Iter& operator++() {
      ++at_;
      Skip();
      return *this;
    }
    bool operator==(const Iter& o) const { return at_ == o.at_; }

   private:
    void Skip() {
      while (at_ < map_->hashes_.size() && map_->hashes_[at_] == 0) ++at_;
    }
    Map* map_;
    std::size_t at_;
  };
  using iterator = Iter<value_type, StringMap>;
  using const_iterator = Iter<const value_type, const StringMap>;

  StringMap() = default;
  StringMap(std::initializer_list<value_type> entries) {
    for (const auto& e : entries) try_emplace(e.first, e.second);
  }

  iterator begin() { return {this, 0}; }
  iterator end() { return {this, hashes_.size()}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, hashes_.size()}; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    hashes_.clear();
    entries_.clear();
    size_ = 0;
  }

  iterator find(std::string_view key) { return {this, Slot(key)}; }
  const_iterator find(std::string_view key) const { return {this, Slot(key)}; }
  bool contains(std::string_view key) const {
    return Slot(key) != hashes_.size();
  }
  std::size_t count(std::string_view key) const { return contains(key); }

  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    if (const std::size_t at = Slot(key); at != hashes_.size()) {
      return {iterator(this, at), false};
    }
    if ((size_ + 1) * 2 > hashes_.size()) Grow();
    const std::uint64_t h = HashWord(key);
    std::size_t at = h & (hashes_.size() - 1);
    while (hashes_[at] != 0) at = (at + 1) & (hashes_.size() - 1);
    hashes_[at] = h;
    entries_[at] = value_type(std::string(key), V(std::forward<Args>(args)...));
    ++size_;
    return {iterator(this, at), true};
  }
  template <typename K, typename... Args>
  std::pair<iterator, bool> emplace(K&& key, Args&&... args) {
    return try_emplace(std::string_view(key), std::forward<Args>(args)...);
  }
  V& operator[](std::string_view key) { return try_emplace(key).first->second; }
  const V& at(std::string_view key) const {
    const std::size_t slot = Slot(key);
    if (slot == hashes_.size()) throw std::out_of_range("StringMap::at");
    return entries_[slot].second;
  }

 private:
  // The slot holding `key`, or hashes_.size().
  std::size_t Slot(std::string_view key) const {
    if (size_ == 0) return hashes_.size();
    const std::uint64_t h = HashWord(key);
    const std::size_t mask = hashes_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      if (hashes_[at] == 0) return hashes_.size();
      if (hashes_[at] == h && entries_[at].first == key) return at;
    }
  }
  void Grow() {
    std::vector<std::uint64_t> hashes(hashes_.empty() ? 16
                                                      : hashes_.size() * 2);
    std::vector<value_type> entries(hashes.size());
    const std::size_t mask = hashes.size() - 1;
    for (std::size_t i = 0; i < hashes_.size(); ++i) {
      if (hashes_[i] == 0) continue;
      std::size_t at = hashes_[i] & mask;
      while (hashes[at] != 0) at = (at + 1) & mask;
      hashes[at] = hashes_[i];
      entries[at] = std::move(entries_[i]);
    }
    hashes_ = std::move(hashes);
    entries_ = std::move(entries);
  }

  std::vector<std::uint64_t> hashes_;  // 0: empty
  std::vector<value_type> entries_;
  std::size_t size_ = 0;
};

// A set of strings (word lists): StringMap without values.
class StringSet {
  struct None {};
  using Map = StringMap<None>;

 public:
  class const_iterator {
   public:
    explicit const_iterator(Map::const_iterator it) : it_(it) {}
    const std::string& operator*() const { return it_->first; }
    const std::string* operator->() const { return &it_->first; }
    const_iterator& operator++() {
      ++it_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }

   private:
    Map::const_iterator it_;
  };

  StringSet() = default;
  StringSet(std::initializer_list<std::string_view> words) {
    for (const auto w : words) insert(w);
  }
  template <typename It>
  StringSet(It first, It last) {
    for (; first != last; ++first) insert(std::string_view(*first));
  }

  std::pair<const_iterator, bool> insert(std::string_view word) {
    const bool added = map_.try_emplace(word).second;
    return {const_iterator(std::as_const(map_).find(word)), added};
  }
  bool contains(std::string_view word) const { return map_.contains(word); }
  std::size_t count(std::string_view word) const { return contains(word); }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void clear() { map_.clear(); }
  const_iterator begin() const { return const_iterator(map_.begin()); }
  const_iterator end() const { return const_iterator(map_.end()); }

 private:
  Map map_;
};

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_STRING_MAP_H_
