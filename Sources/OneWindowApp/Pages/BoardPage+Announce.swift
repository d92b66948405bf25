extension BoardPage {
    /// Announces calls one after another: a flash, a two-tone chime made with WebAudio (no audio
    /// file), then 请A012号到3号窗口办理 spoken twice. Until the browser allows sound (a tap, or
    /// the kiosk flag `--autoplay-policy=no-user-gesture-required`) the header says 语音未开启
    /// and a one-time overlay asks for a tap; calls still flash meanwhile.
    static let announcing = #"""
        const sound = { context: null, blocked: true, refused: false, speech: "speechSynthesis" in window, offered: false };
        function audioContext() {
          if (!sound.context) {
            const Context = window.AudioContext || window.webkitAudioContext;
            if (Context) {
              sound.context = new Context();
              sound.context.onstatechange = showSound;
            }
          }
          return sound.context;
        }
        function showSound() {
          const context = audioContext();
          sound.blocked = !context || context.state !== "running" || sound.refused;
          const badge = $("speech");
          if (!sound.speech && !context) { badge.textContent = "本机不支持语音播报"; badge.className = "badge warn"; return; }
          badge.textContent = sound.blocked ? "语音未开启：请点击屏幕" : "语音播报已开启";
          badge.className = sound.blocked ? "badge warn" : "badge";
          if (!sound.blocked) $("unlock").hidden = true;
          fitHeader();
        }
        // The overlay is offered once per page load; the header badge stays while sound is blocked.
        function offerUnlock() {
          showSound();
          if (sound.blocked && !sound.offered) { sound.offered = true; $("unlock").hidden = false; }
        }
        function unlock() {
          const context = audioContext();
          sound.refused = false;
          if (context && context.state !== "running") context.resume().then(showSound, showSound);
          if (sound.speech) {
            const silent = new SpeechSynthesisUtterance(" ");
            silent.volume = 0;
            window.speechSynthesis.speak(silent);
          }
          $("unlock").hidden = true;
          showSound();
        }
        $("unlock").addEventListener("click", unlock);
        document.addEventListener("pointerdown", unlock);
        document.addEventListener("keydown", unlock);
        function chime() {
          const context = audioContext();
          if (!context || context.state !== "running") return 0;
          const start = context.currentTime + 0.05;
          [[880, 0], [659, 0.45]].forEach(([pitch, offset]) => {
            const tone = context.createOscillator();
            const level = context.createGain();
            tone.type = "sine";
            tone.frequency.value = pitch;
            level.gain.setValueAtTime(0.0001, start + offset);
            level.gain.exponentialRampToValueAtTime(0.6, start + offset + 0.02);
            level.gain.exponentialRampToValueAtTime(0.0001, start + offset + 1.1);
            tone.connect(level).connect(context.destination);
            tone.start(start + offset);
            tone.stop(start + offset + 1.2);
          });
          return 1700;
        }
        const digits = "零一二三四五六七八九";
        // 请A012号到3号窗口办理, with each digit of the number said on its own (A 零 一 二).
        const spoken = (call) => "请 " + call.number.split("").map((c) => digits[c] || c).join(" ") +
          " 号，到 " + call.window + " 号窗口办理";
        function say(call, done) {
          if (!sound.speech || sound.blocked) { setTimeout(done, 2500); return; }
          let finished = false;
          const finish = () => { if (!finished) { finished = true; clearTimeout(guard); setTimeout(done, 600); } };
          // Some systems have no Chinese voice and never end an utterance: move on anyway.
          const guard = setTimeout(finish, 15000);
          for (const round of [1, 2]) {
            const words = new SpeechSynthesisUtterance(spoken(call));
            words.lang = "zh-CN";
            words.rate = 0.9;
            words.onerror = (event) => {
              if (event.error === "not-allowed") { sound.refused = true; showSound(); finish(); }
              if (round === 2) finish();
            };
            if (round === 2) words.onend = finish;
            window.speechSynthesis.speak(words);
          }
        }
        function flash(call) {
          const cell = $("windows").querySelector("[data-window=\"" + CSS.escape(call.window) + "\"]");
          for (const element of [$("now"), cell]) {
            if (!element) continue;
            element.classList.remove("flash");
            void element.offsetWidth;
            element.classList.add("flash");
          }
        }
        const pending = [];
        let speaking = false;
        function announce(call) {
          pending.push(call);
          // A burst after a long outage is not read out in full: the last five are enough.
          if (pending.length > 5) pending.splice(0, pending.length - 5);
          if (!speaking) announceNext();
        }
        function announceNext() {
          const call = pending.shift();
          speaking = Boolean(call);
          if (!call) return;
          flash(call);
          setTimeout(() => say(call, announceNext), chime());
        }
        // Made at once: a context the browser lets play turns "running" a moment later.
        audioContext();
        setTimeout(offerUnlock, 800);
        """#
}
